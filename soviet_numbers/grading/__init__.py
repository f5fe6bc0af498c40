"""Release assignments and autograde a class's submissions: no server, no database, no Docker.

- ``release``      copy one generated exercise notebook, with the course's wheel, into a release folder (and zip)
- ``collect``      find the submissions in a folder; flag duplicate names
- ``execute``      run one submission on a copy, in a fresh kernel, and read its answers back
- ``sandbox``      where that run happens: a bubblewrap sandbox (``worker`` is the process inside it)
- ``grade``        grade a class (in parallel) with the instructor's checks
- ``adjustments``  the instructor's regrades and written-answer marks, on top
- ``reports``      the gradebook CSV, per-student feedback and the written answers
- ``similarity``   pairs of similar written answers, for the instructor to read
- ``lms``          the gradebook as Canvas, Moodle or Gradescope import it

Grading executes untrusted code: by default every submission runs in the sandbox, and grading refuses where no
sandbox can be made (``--no-sandbox`` overrides, and says so in the gradebook).
"""

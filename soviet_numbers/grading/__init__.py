"""Release assignments and autograde a class's submissions: no server, no database, no Docker.

- ``release``      copy one generated exercise notebook, with the course's wheel, into a release folder (and zip),
                   or one variant per roster student; note the version released
- ``outputs``      what grading may write: every output checked first, written atomically, marked as ours
- ``collect``      find the submissions in a folder (the newest of several per student); flag duplicate names
- ``bulk``         an LMS bulk download (Canvas, Moodle) as a submissions folder
- ``execute``      run one submission on a copy, in a fresh kernel, cell by cell, and read its answers back
- ``sandbox``      where that run happens: a bubblewrap sandbox (``worker`` is the process inside it)
- ``plan``         every input and output of a grading run checked before any notebook runs
- ``grade``        grade a class (local pool or a Dask cluster) with the instructor's checks; regrade stored results
- ``adjustments``  the instructor's regrades and written-answer marks, on top
- ``reports``      the gradebook CSV, per-student feedback and the written answers
- ``similarity``   pairs of similar written answers, for the instructor to read
- ``stats``        class statistics per exercise (right, commonest wrong answers, median)
- ``progress``     a count on standard error for long commands (only on a terminal)
- ``lms``          the gradebook as Canvas or Moodle import it

Grading executes untrusted code: by default every submission runs in the sandbox, and grading refuses where no
sandbox can be made (``--no-sandbox`` overrides, and says so in the gradebook).
"""

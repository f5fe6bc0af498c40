"""Release assignments and autograde a class's submissions: no server, no database, no Docker.

- ``release``  copy one generated exercise notebook into a release folder (and zip)
- ``collect``  find the submissions in a folder; flag duplicate names
- ``execute``  run one submission on a copy, in a fresh kernel, and read its answers back
- ``grade``    grade a class (in parallel) with the instructor's checks
- ``reports``  the gradebook CSV, per-student feedback and the written answers

Security: grading executes untrusted code. Run it as an unprivileged user on a machine without secrets, ideally
without network access; the grader caps time and output and isolates the working directory, but it is not a
sandbox.
"""

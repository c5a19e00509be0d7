"""`python -m serving.rasa …`: Rasa's command line (`rasa …`) with serving.speedups installed first.

scripts/run.sh starts the Rasa server this way; Sanic's worker processes are forked from it and
inherit the fixes, and each dies with the main process (serving/tethered.py says why).
"""
import os
import sys

from rasa.__main__ import main

from serving import speedups
from serving.tethered import die_with_parent

if __name__ == "__main__":
    speedups.install()
    os.register_at_fork(after_in_child=die_with_parent)
    sys.exit(main())

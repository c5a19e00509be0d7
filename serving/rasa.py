"""`python -m serving.rasa …`: Rasa's command line (`rasa …`) with serving.speedups installed first.

scripts/run.sh starts the Rasa server this way; Sanic's worker processes are forked from it and
inherit the fixes.
"""
import sys

from rasa.__main__ import main

from serving import speedups

if __name__ == "__main__":
    speedups.install()
    sys.exit(main())

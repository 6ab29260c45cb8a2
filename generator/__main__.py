"""`python -m generator …` — see generator.cli."""
import sys

from .cli import main

if __name__ == "__main__":  # parallel workers import this module again
    sys.exit(main())

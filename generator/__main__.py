"""`python -m generator …` — see generator.cli."""
import os
import sys


def exit_now(code: int) -> None:
    """End the process with `code` once its output is flushed, without tearing the
    interpreter down (as mypy's --fast-exit): freeing a build's million objects one by
    one took a tenth of a second after a 1,000-brief site was already written. Every
    file, pool and forked copy is closed or waited for before the command returns."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def warm_parser() -> None:
    """What the copy standing by for a build does first (parallel.Standby)."""
    from .build import warm_up
    warm_up()


if __name__ == "__main__":  # parallel workers import this module again
    if sys.argv[1:2] == ["build"]:  # before the build's own imports: see parallel.Standby
        from .parallel import stand_by
        stand_by(warm_parser)
    from .cli import main
    exit_now(main())

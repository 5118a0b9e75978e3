"""``python -m lkj_excel``: the same as the ``lkj`` command."""

from .cli import main

if __name__ == "__main__":
    main()

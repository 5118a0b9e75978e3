"""``python -m lkj_excel``: the same as the ``lkj`` command."""

from .console import main

if __name__ == "__main__":
    main()

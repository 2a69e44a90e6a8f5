"""The one way a subcommand fails: a sentence for the user, exit status 2."""

#: the same status argparse uses for a bad command line
EXIT_ERROR = 2


class CliError(Exception):
    """A problem the user can fix; its message is printed as one line, without a traceback."""

"""How every prepkit command ends: one line and status 2 for what the user can put
right, 130 for Ctrl-C, and no traceback for a terminal that cannot take the output.

Only this module (and the commands) turn prepkit's plain exceptions into exit
codes, as copier's CLI does; no layer below the CLI knows about Click.
"""

from __future__ import annotations

from typing import Any

import click

from prepkit.core.errors import PrepkitError, UserError


def say(text: str) -> None:
    """Echo a line that quotes file names: anything a terminal would act on is escaped.

    A file name may hold an escape sequence or a newline; quoted raw, it could
    retitle or clear the terminal, or fake a line of output.
    """
    from prepkit.core.errors import printable

    click.echo(printable(text))


def silence_stdout() -> None:
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class Refused(click.ClickException):
    """A :class:`PrepkitError` as Click shows it: ``Error: ...`` on stderr, status 2."""

    exit_code = PrepkitError.exit_code


class Commands(click.Group):
    """prepkit's commands: Ctrl-C anywhere ends with status 130, as in the wizard's prompts.

    Click would print "Aborted!" and exit 1 for a Ctrl-C outside a prompt (while
    the documents render, say), which scripts cannot tell from a crash.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PrepkitError as error:
            raise Refused(error.format_message()) from None
        except click.UsageError as error:
            # One line, as for every other refusal: Click's own is three (usage, a
            # hint, the error), which scripts and people alike read past.
            from prepkit.core.errors import printable

            where = error.ctx.command_path if error.ctx is not None else ctx.command_path
            if (error.ctx is None or error.ctx.command is self) and ctx.invoked_subcommand:
                # Click leaves some option errors unplaced ("requires an argument"): they
                # belong to the command being started, not to prepkit itself.
                where = f"{ctx.command_path} {ctx.invoked_subcommand}"
            message = printable(error.format_message()).rstrip(".")
            raise Refused(f"{message} ('{printable(where)} --help' shows how to use it)") from None
        except KeyboardInterrupt as stop:
            # After a stop while files were put in place, what the folder holds now.
            click.echo(getattr(stop, "said", ""), err=True)
            raise SystemExit(130) from None
        except OSError as error:
            if error.filename is not None:  # a path the OS refused (a name too long)
                raise Refused(
                    UserError(
                        f"cannot be used ({error.strerror})", file=str(error.filename)
                    ).message
                ) from None
            # Every file prepkit reads or writes turns its errors into a UserError;
            # what is left is the terminal itself (stdout on a full disk, a closed
            # pipe). Point stdout at nothing so the exit does not fail again.
            silence_stdout()
            raise Refused(f"cannot write its messages ({error.strerror})") from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """As Click's, but help or version text that cannot be written is one line too."""
        import sys

        # A terminal that cannot show a letter of a file name shows an escape instead
        # of stopping with a traceback (the wizard needs UTF-8 and says so).
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")
        try:
            return super().main(*args, **kwargs)
        except OSError as error:
            silence_stdout()
            click.echo(f"Error: cannot write its messages ({error.strerror})", err=True)
            raise SystemExit(UserError.exit_code) from None

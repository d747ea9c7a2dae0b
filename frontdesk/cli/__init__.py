"""The `frontdesk` command: opens the desk app, or runs one administrative task.

Every error a person can cause is answered with one sentence on stderr (words from
frontdesk.words) and a non-zero exit: 2 for bad input, 1 for anything else. `main`
imports only the module of the command that runs (see frontdesk.cli.entry), so this
package's own import stays light.
"""

from frontdesk.cli.entry import cli_language, main

__all__ = ["cli_language", "main"]

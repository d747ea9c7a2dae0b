"""Everything frontdesk says to people, in one place: the words of the kiosk, the
supervisor workspace, the command line and the workbook.

Modules by subject: dates (the one way a date is written for people), labels (slots,
statuses, kinds of day), findings (rule findings), errors and invalid (errors a person
can cause), scan (what a scan at the kiosk meant), kiosk (the kiosk's board and
reminders), swaps (swap requests and outcomes), sentences (how sentences are joined)
and workbook (the fixed Traditional Chinese of the Excel forms). Depends on the rules core and QtCore only; this package
file imports nothing, so the starting screen can load words.dates before the database
layer.
"""

"""Daily email reminders of the client's program, opted into on the program page
(docs/program.md, "Email reminders"): the form, the schedule, the task that sends, and the
one-click unsubscribe."""

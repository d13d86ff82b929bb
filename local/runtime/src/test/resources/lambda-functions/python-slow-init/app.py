"""Never finishes loading: only the init limit and then the Timeout end it."""
while True:
    pass


def handler(event, context):
    return "unreachable"

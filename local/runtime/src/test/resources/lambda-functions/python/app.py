"""A Python function for the process tests: one action per event, and a counter that shows warm reuse."""
import os
import sys

invocations = 0
print("loading the python fixture")


def handler(event, context):
    global invocations
    invocations += 1
    action = event.get("action")
    if action == "exit":
        sys.stdout.flush()
        os._exit(event["status"])
    if action == "spin":
        while True:
            pass
    if action == "hoard":
        held = []
        while True:
            held.append(b"\x01" * (16 * 1024 * 1024))
    if action == "environment":
        return dict(os.environ)
    if action == "throw":
        raise ValueError("cannot handle " + event["name"])
    print("greeting", event["name"])
    return {"greeting": "Hello " + event["name"], "invocations": invocations,
            "requestId": context.aws_request_id, "remainingPositive": context.get_remaining_time_in_millis() > 0}

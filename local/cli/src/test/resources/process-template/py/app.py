"""Doubles the event's n, and says which runtime ran it."""
import sys


def handler(event, context):
    return {"n": event["n"] * 2, "python": "%d.%d" % sys.version_info[:2]}

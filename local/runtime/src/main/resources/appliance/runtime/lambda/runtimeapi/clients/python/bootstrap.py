"""The Lambda Runtime API loop for Python functions (python3.x), run as `python3 bootstrap.py` in the function's
own process. AWS's runtime interface client (awslambdaric) comes from PyPI, which this project does not reach, so
this is the project's own: it imports the module that _HANDLER names from LAMBDA_TASK_ROOT, reports a failed
import to /init/error (Runtime.ImportModuleError, Runtime.HandlerNotFound, Runtime.UserCodeSyntaxError), then
loops: GET /invocation/next, call handler(event, context), POST /response or /error (Lambda's error document).
"""
import http.client
import importlib
import json
import os
import site
import sys
import time
import traceback

# Started with -S (no site start-up hooks, which cost a cold start ~100 ms): the libraries installed for this
# python3 (boto3, as Lambda's runtime has it) stay importable, after the function's own code.
sys.path.extend(folder for folder in site.getsitepackages() if folder not in sys.path)

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
BASE = "/2018-06-01/runtime"
connection = http.client.HTTPConnection(API)


def request(method, path, body=None, headers=None):
    connection.request(method, BASE + path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.headers, response.read()


class LambdaContext:
    def __init__(self, request_id, deadline_ms, invoked_function_arn):
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def error_document(error, error_type=None):
    frames = traceback.format_list(traceback.extract_tb(error.__traceback__))
    return {"errorMessage": str(error), "errorType": error_type or type(error).__name__,
            "requestId": "", "stackTrace": frames}


def post_error(path, document):
    print("[ERROR] " + document["errorType"] + ": " + document["errorMessage"], flush=True)
    request("POST", path, json.dumps(document).encode("utf-8"),
            {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": document["errorType"]})


def load_handler():
    spec = os.environ.get("_HANDLER", "")
    module_name, _, function_name = spec.rpartition(".")
    if not module_name:
        raise LookupError(("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack" % spec))
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except SyntaxError as error:
        raise LookupError(("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error)))
    except ImportError as error:
        raise LookupError(("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error)))
    handler = getattr(module, function_name, None)
    if handler is None:
        raise LookupError(("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name)))
    return handler


def main():
    try:
        handler = load_handler()
    except LookupError as failure:
        error_type, message = failure.args[0]
        post_error("/init/error", {"errorMessage": message, "errorType": error_type, "requestId": "", "stackTrace": []})
        sys.exit(1)
    except Exception as error:  # the module's own code failed while it was imported
        post_error("/init/error", error_document(error))
        sys.exit(1)
    while True:
        status, headers, body = request("GET", "/invocation/next")
        if status != 200:
            sys.exit(0)
        request_id = headers["Lambda-Runtime-Aws-Request-Id"]
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        context = LambdaContext(request_id, int(headers["Lambda-Runtime-Deadline-Ms"]),
                                headers.get("Lambda-Runtime-Invoked-Function-Arn"))
        try:
            event = json.loads(body) if body else None
            result = handler(event, context)
            payload = json.dumps(result).encode("utf-8")
        except Exception as error:
            sys.stdout.flush()
            post_error("/invocation/%s/error" % request_id, error_document(error))
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        request("POST", "/invocation/%s/response" % request_id, payload, {"Content-Type": "application/json"})


if __name__ == "__main__":
    main()

"""A user's pytest tests of their own state machine against appliance-local.jar, in the style of AWS's
Step Functions Local pytest sample: boto3, only endpoint_url changed. The server starts empty; the tests
create the machine and run its mock test cases (the server was started with SFN_MOCK_CONFIG)."""
import json
import os
import pathlib

import boto3
import pytest
from botocore.config import Config

ENDPOINT = os.environ["APPLIANCE_LOCAL_ENDPOINT"]
DEFINITION = pathlib.Path(os.environ["GREETER_DEFINITION"])
DELIVER = "arn:aws:lambda:us-east-1:123456789012:function:DeliverGreeting"


@pytest.fixture(scope="module")
def sfn():
    # StartSyncExecution's host prefix "sync-" does not exist on localhost.
    return boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                        aws_access_key_id="local", aws_secret_access_key="local",
                        config=Config(inject_host_prefix=False))


@pytest.fixture(scope="module")
def greeter(sfn):
    definition = DEFINITION.read_text(encoding="utf-8").replace("${DeliverFunctionArn}", DELIVER)
    return sfn.create_state_machine(name="Greeter", type="EXPRESS", definition=definition,
                                    roleArn="arn:aws:iam::123456789012:role/DummyRole")["stateMachineArn"]


def run(sfn, arn, visitor):
    return sfn.start_sync_execution(stateMachineArn=arn, input=json.dumps(visitor))


def test_the_first_state_machine_listed_is_ours(sfn, greeter):
    assert sfn.list_state_machines()["stateMachines"][0]["stateMachineArn"] == greeter


def test_an_english_visitor_is_greeted_without_any_task(sfn, greeter):
    result = run(sfn, greeter, {"name": "Ada", "lang": "en"})
    assert result["status"] == "SUCCEEDED"
    assert json.loads(result["output"]) == {"greeting": "Hello, Ada!"}


def test_a_french_greeting_is_delivered_in_the_mocked_test_case(sfn, greeter):
    result = run(sfn, greeter + "#FrenchDelivered", {"name": "Amélie", "lang": "fr"})
    assert result["status"] == "SUCCEEDED"
    assert json.loads(result["output"])["delivery"] == {"delivered": True}


def test_an_undeliverable_greeting_fails_with_the_mocked_error(sfn, greeter):
    result = run(sfn, greeter + "#FrenchUndeliverable", {"name": "Amélie", "lang": "fr"})
    assert result["status"] == "FAILED"
    assert result["error"] == "Delivery.NoMailbox"
    assert result["cause"] == "the visitor has no mailbox"

"""Drives versions, aliases, tags, RedriveExecution and TestState through boto3.

Usage: python3 boto3_versions.py ENDPOINT; prints one JSON object of what it saw.
"""
import json
import sys
import time

import boto3
from botocore.config import Config

sfn = boto3.client("stepfunctions", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local",
                   # TestState's endpoint has the host prefix "sync-", which 127.0.0.1 does not have.
                   config=Config(inject_host_prefix=False))
definition = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "v1", "End": True}}})
machine = sfn.create_state_machine(name="Boto", definition=definition,
                                   roleArn="arn:aws:iam::123456789012:role/R",
                                   tags=[{"key": "team", "value": "boto"}])["stateMachineArn"]
version = sfn.publish_state_machine_version(stateMachineArn=machine, description="first")["stateMachineVersionArn"]
alias = sfn.create_state_machine_alias(name="prod", routingConfiguration=[
    {"stateMachineVersionArn": version, "weight": 100}])["stateMachineAliasArn"]
execution = sfn.start_execution(stateMachineArn=alias)["executionArn"]
for _ in range(200):
    described = sfn.describe_execution(executionArn=execution)
    if described["status"] != "RUNNING":
        break
    time.sleep(0.05)
sfn.tag_resource(resourceArn=machine, tags=[{"key": "env", "value": "test"}])


def finished(arn):
    for _ in range(200):
        status = sfn.describe_execution(executionArn=arn)
        if status["status"] != "RUNNING":
            return status
        time.sleep(0.05)
    return status


failing = sfn.create_state_machine(name="BotoFails", roleArn="arn:aws:iam::123456789012:role/R", definition=json.dumps(
    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": sys.argv[2], "End": True}}}))["stateMachineArn"]
failed = sfn.start_execution(stateMachineArn=failing)["executionArn"]
finished(failed)
sfn.redrive_execution(executionArn=failed)
redriven = finished(failed)
tested = sfn.test_state(
    definition=json.dumps({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "After",
                           "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 1}],
                           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]}),
    inspectionLevel="DEBUG", mock={"errorOutput": {"error": "Boom", "cause": "c"}},
    stateConfiguration={"retrierRetryCount": 1})
print(json.dumps({
    "version": version,
    "alias": alias,
    "versions": [v["stateMachineVersionArn"] for v in sfn.list_state_machine_versions(stateMachineArn=machine)["stateMachineVersions"]],
    "aliasRoutes": sfn.describe_state_machine_alias(stateMachineAliasArn=alias)["routingConfiguration"],
    "executionVersion": described.get("stateMachineVersionArn"),
    "executionAlias": described.get("stateMachineAliasArn"),
    "output": described.get("output"),
    "tags": sfn.list_tags_for_resource(resourceArn=machine)["tags"],
    "redriveCount": redriven.get("redriveCount"),
    "redrivenStatus": redriven["status"],
    "testStatus": tested["status"],
    "testNext": tested.get("nextState"),
    "testCatchIndex": tested["inspectionData"]["errorDetails"]["catchIndex"],
}))

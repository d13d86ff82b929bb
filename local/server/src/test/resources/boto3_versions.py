"""Drives versions, aliases, tags and (when the server answers it) RedriveExecution through boto3.

Usage: python3 boto3_versions.py ENDPOINT; prints one JSON object of what it saw.
"""
import json
import sys
import time

import boto3

sfn = boto3.client("stepfunctions", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local")
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
print(json.dumps({
    "version": version,
    "alias": alias,
    "versions": [v["stateMachineVersionArn"] for v in sfn.list_state_machine_versions(stateMachineArn=machine)["stateMachineVersions"]],
    "aliasRoutes": sfn.describe_state_machine_alias(stateMachineAliasArn=alias)["routingConfiguration"],
    "executionVersion": described.get("stateMachineVersionArn"),
    "executionAlias": described.get("stateMachineAliasArn"),
    "output": described.get("output"),
    "tags": sfn.list_tags_for_resource(resourceArn=machine)["tags"],
}))

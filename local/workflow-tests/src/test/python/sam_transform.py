"""Prints TEMPLATE as CloudFormation gets it after the SAM transform, with AWS's own aws-sam-translator.

Usage: python3 sam_transform.py TEMPLATE > transformed.json
First what sam deploy's packaging does (local code and definition folders become S3 locations), then the
transform itself. No AWS call: no managed policy is given by bare name, so the policy loader has nothing to
look up.
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The translator asks IAM for managed policy ARNs only for policies given by bare name; there are none."""

    def load(self):
        return {}


PACKAGED = {
    "AWS::Serverless::Function": "CodeUri",
    "AWS::Serverless::StateMachine": "DefinitionUri",
}


def as_packaged(template):
    """Local paths become the S3 locations sam package would upload them to."""
    for logical_id, resource in template.get("Resources", {}).items():
        key = PACKAGED.get(resource.get("Type"))
        properties = resource.get("Properties", {})
        if key and isinstance(properties.get(key), str) and not properties[key].startswith("s3://"):
            properties[key] = "s3://sam-package-bucket/" + logical_id
    return template


def main(path):
    # The transform fills in AWS::Region; sam deploy takes it from the profile, here any region does.
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    transformed = transform(as_packaged(template), {}, NoManagedPolicies())
    json.dump(transformed, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])

"""No secret leaks: the client secret and every token the sandbox minted are absent from the output
at -vvvv, the results, diffs and warnings, the run summary, and (the secret) from the token cache."""

import json
import os
import stat

from integration.conftest import run_playbook


def test_secrets_and_tokens_never_appear_anywhere(sandbox, tmp_path):
    sandbox.faults(rate_limit=0, revoke_after=12)  # a token revoked mid-run, so two are minted
    given_token = sandbox.token()
    cache = tmp_path / "tokens"
    summary = tmp_path / "summary.json"
    tasks = [
        {"name": "skills with a diff", "cxops.genesys.genesys_skill": {"items": [{"name": "Billing"},
                                                                                 {"name": "Returns"}]}},
        {"name": "queue with members and a warning", "cxops.genesys.genesys_queue": {
            "name": "Billing Support", "description": "first line",
            "members": [{"user": "alice@acme.example"}, {"user": "erin@acme.example"}]}},
        {"name": "agents", "cxops.genesys.genesys_user_skills": {
            "user": "bob@acme.example", "skills": [{"name": "Billing", "proficiency": 2}]}},
        {"name": "a failure", "cxops.genesys.genesys_queue": {"name": "Broken", "members": [{"user": "x@y.z"}]},
         "ignore_errors": True},
        {"name": "wrong secret", "cxops.genesys.genesys_skill_info": {"client_secret": "wrong-" + "s" * 20},
         "ignore_errors": True},
        {"name": "given token", "cxops.genesys.genesys_skill_info": {
            "access_token": given_token, "client_id": None, "client_secret": None}},
        {"name": "export", "cxops.genesys.genesys_export": {}},
    ]
    run = run_playbook(sandbox, tasks, diff=True, extra_args=["-vvvv"], env={
        "CXOPS_GENESYS_TOKEN_CACHE": str(cache), "CXOPS_GENESYS_SUMMARY_PATH": str(summary),
        "ANSIBLE_CALLBACKS_ENABLED": "cxops.genesys.genesys_summary"})
    assert run.rc == 0, run.stdout[-3000:]
    assert run.result("queue with members and a warning")["warnings"], "the warning path was exercised"
    assert run.result("a failure")["status"] == "failed" and run.result("wrong secret")["status"] == "failed"
    assert any(t.get("diff") for t in run.tasks), "the diff path was exercised"

    minted = list(sandbox.sandbox.tokens)
    assert len(minted) >= 3, "the given token, and a token replaced after the revocation"
    secrets = [sandbox.US["client_secret"], "wrong-" + "s" * 20] + minted
    places = {"stdout at -vvvv": run.stdout, "stderr at -vvvv": run.stderr,
              "results and diffs": json.dumps(run.tasks), "run summary": summary.read_text()}
    for name in os.listdir(str(cache)):
        path = cache / name
        assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o600
        text = path.read_text()
        for entry in json.loads(text)["tokens"]:  # the cache holds tokens, and nothing else secret
            text = text.replace(entry["access_token"], "")
        places["token cache " + name] = text
    assert stat.S_IMODE(os.stat(str(cache)).st_mode) == 0o700
    leaks = [(where, secret[:6] + "...") for where, text in places.items() for secret in secrets if secret in text]
    assert leaks == []

"""`genesys-sandbox`: serve the API double on loopback."""

import argparse
import atexit
import json
import os
import signal
import sys
from importlib import resources

from genesys_sandbox.server import DEFAULT_FAULTS, Sandbox, load_orgs, make_sandbox_server

FAULT_HELP = {
    "rate_limit": "requests allowed per token per rate window (0: no limit)",
    "rate_window": "seconds of a rate window; smaller compresses time for benchmarks",
    "org_route_limit": "requests allowed per org per rate window on queue and queue-member routes (0: no limit; "
                       "the API's value is not published)",
    "token_rate": "tokens one OAuth client may mint per token window",
    "token_window": "seconds of a token-minting window",
    "token_lifetime": "seconds a token stays valid",
    "throttle_rate": "probability of a random 429 with Retry-After",
    "error_rate": "probability of a random 502/503 (before applying) or 504 (after applying)",
    "drop_rate": "probability that the connection drops after a request was applied",
    "latency_ms": "milliseconds added to every API request",
    "listing_lag": "seconds before new or deleted objects show in listings",
    "queue_delete_delay": "seconds a deleted queue stays readable",
    "conflict_puts": "answer 409 to the next N PUTs",
    "timeout_writes": "apply the next N writes, then answer 504",
    "aim": "METHOD /path/glob: conflict-puts and timeout-writes hit only matching requests",
    "revoke_after": "revoke the token of the Nth API request",
    "retry_after": "seconds announced in Retry-After for random 429s",
    "audit_delay": "seconds an audit query takes to succeed",
    "bulk_job_delay": "seconds a work-item bulk add job takes to succeed",
}


def default_orgs_file():
    return str(resources.files("genesys_sandbox") / "orgs.yml")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="genesys-sandbox", description="A local double of the Genesys Cloud "
                                     "Platform API: OAuth, routing, users, task management and audits.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8990, help="port (default 8990; 0 picks a free one)")
    parser.add_argument("--orgs", default=default_orgs_file(), help="YAML file declaring the orgs to serve")
    parser.add_argument("--state", help="JSON file: state is loaded from it at start and saved to it at exit")
    parser.add_argument("--seed", type=int, help="seed for faults and ids, so runs repeat exactly")
    parser.add_argument("--port-file", help="write the port to this file once listening")
    parser.add_argument("--log-requests", action="store_true", help="log every request to stderr")
    for name, default in DEFAULT_FAULTS.items():
        parser.add_argument("--" + name.replace("_", "-"), type=type(default), default=default,
                            help=f"{FAULT_HELP[name]} (default {default})")
    args = parser.parse_args(argv)
    faults = {name: getattr(args, name) for name in DEFAULT_FAULTS}
    sandbox = Sandbox(load_orgs(args.orgs), seed=args.seed, faults=faults)
    if args.state and os.path.exists(args.state):
        with open(args.state, encoding="utf-8") as handle:
            sandbox.load(json.load(handle))
    server = make_sandbox_server(sandbox, args.host, args.port, args.log_requests)

    def save():
        if args.state:
            with open(args.state, "w", encoding="utf-8") as handle:
                json.dump(sandbox.dump(), handle)

    atexit.register(save)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if args.port_file:
        with open(args.port_file, "w", encoding="utf-8") as handle:
            handle.write(str(server.server_port))
    print(f"genesys-sandbox listening on http://{args.host}:{server.server_port} "
          f"({', '.join(o.name for o in sandbox.orgs.values())})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

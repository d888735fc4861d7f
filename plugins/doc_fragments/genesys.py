# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Connection options, shared by every module (module_defaults group cxops.genesys.genesys).
    DOCUMENTATION = r"""
options:
  region:
    description:
      - Genesys Cloud region, as an AWS-style name such as V(us-east-1) or V(eu-west-1), or as the org's domain
        such as V(mypurecloud.ie).
      - If not set, the environment variable E(GENESYSCLOUD_REGION) is used.
      - One of O(region) and O(api_url) is needed.
    type: str
  api_url:
    description:
      - Base URL of the API, overriding O(region); for the sandbox or an API gateway.
      - The token URL is derived from it by turning a leading C(api.) label into C(login.), or is the same host
        when there is no C(api.) label.
      - Plain C(http) is accepted only for loopback addresses, or when O(allow_http=true).
      - If not set, the environment variable E(GENESYSCLOUD_API_URL) is used.
    type: str
  allow_http:
    description:
      - Accept a plain C(http) O(api_url) on a host other than a loopback address, for example a test double
        on another machine. Credentials and tokens then travel unencrypted.
    type: bool
    default: false
  client_id:
    description:
      - OAuth client id of a client-credentials grant.
      - If not set, the environment variable E(GENESYSCLOUD_OAUTHCLIENT_ID) is used.
    type: str
  client_secret:
    description:
      - OAuth client secret. Never logged, never returned.
      - If not set, the environment variable E(GENESYSCLOUD_OAUTHCLIENT_SECRET) is used.
    type: str
  access_token:
    description:
      - An access token to use instead of O(client_id) and O(client_secret).
      - If not set, the environment variable E(GENESYSCLOUD_ACCESS_TOKEN) is used.
    type: str
  validate_certs:
    description:
      - Whether to verify the API's TLS certificate.
    type: bool
    default: true
  timeout:
    description:
      - Seconds to wait for one HTTP response.
    type: int
    default: 30
  token_pool_size:
    description:
      - Most access tokens to use at once for one org, as the Terraform provider's option of the same name. The
        API limits requests per token (300 a minute), so more tokens send more requests a minute.
      - Tokens are minted only when every token's rate-limit window is used up, so a small run mints one. Worker
        processes of a run share the pool through the token cache.
      - Allowed 1 to 20. Ignored with O(access_token), which is the one token used.
      - Limits the API sets per org (queue and queue-member routes) hold whatever the pool's size.
      - If not set, the environment variable E(GENESYSCLOUD_TOKEN_POOL_SIZE) is used.
    type: int
    default: 10
notes:
  - A connection option the task does not set, neither in its arguments nor through C(module_defaults) (group
    C(cxops.genesys.genesys)), takes the value of the variable C(genesys_<option>), for example
    C(genesys_client_secret) or C(genesys_token_pool_size); then of its environment variable. The roles and
    C(site.yml) rely on this, so a play of one's own needs no C(module_defaults).
  - Tokens obtained with client credentials are cached for their lifetime in a file readable by its owner only
    (under C(~/.cache/cxops.genesys/tokens), or the folder named by E(CXOPS_GENESYS_TOKEN_CACHE)), so a playbook
    asks for one token per org, not one per task. The cache holds no client secret.
  - The module runs on the controller, inside Ansible's worker process (an action plugin), unless the task's
    connection is not local. The items of a loop then share one session, so each item costs no token request,
    no listing of its own and no module process start. The controller needs the C(requests) library.
  - Requests run concurrently, as many at once as O(token_pool_size) (at least four). This holds for reads of
    sub-resources (queue members, queue wrap-up codes, worktype statuses) and for writes that do not depend on
    each other. An
    object that references another created in the same call is written after it. When the API's rate-limit
    headers say a token's window is used up, or a request is answered 429, that token waits for its window's
    reset while the others go on. A 429 on a queue route while the token's window has room is the API's
    per-org limit, whose size the API does not publish. Every request to queue routes then waits, and later
    windows are paced to what passed, so the pool causes at most one 429 a window there.
  - Throttled requests (HTTP 429) wait for C(Retry-After), up to 20 times and never longer than 180 s at once;
    reads and idempotent writes are retried up to 5 times on 502, 503, 504 and dropped connections with jittered
    backoff; no request takes longer than 600 s with its retries. A create that fails in transit is never repeated
    blindly; once listings have caught up, the object is looked up by name first.
requirements:
  - requests
"""

    # Options of the resource modules that converge one object or a list of them.
    RESOURCE = r"""
options:
  name:
    description:
      - Name of the one object to manage. Mutually exclusive with O(items).
    type: str
  items:
    description:
      - The objects to manage in one call, instead of O(name); the whole list is compared with one listing.
      - Each item takes C(name), C(state) (default V(present)) and the options of a single object; each is checked
        like a module call of its own before anything is changed.
    type: list
    elements: dict
  state:
    description:
      - Whether the object named by O(name) should exist.
    type: str
    choices: [present, absent]
    default: present
  purge:
    description:
      - With O(items), also delete every object of this type that O(items) does not name.
      - Deletions happen only up to O(max_deletions).
    type: bool
    default: false
  planned:
    description:
      - In check mode, the names of objects that earlier tasks of the same run would create, by kind (V(skill),
        V(wrapup_code), V(queue), V(workbin), V(worktype), V(language), V(skill_group), V(division)). A reference to one of them is
        predicted instead of refused, so a dry run over a new org works end to end. Ignored outside check mode.
      - The roles set it from the desired state of the types they depend on.
    type: dict
  max_deletions:
    description:
      - With O(items), the most objects this call may delete (through O(purge), items with C(state=absent), or authoritative associations).
      - When more would be deleted, the module fails before changing anything. The default refuses every deletion
        from a list.
    type: int
    default: 0
"""

    ATTRIBUTES = r"""
attributes:
  check_mode:
    description: Check mode predicts the result, including the diff, and sends no write to the API.
    support: full
  diff_mode:
    description: The diff shows each changed object with references by name, one entry per object.
    support: full
  action_group:
    description: Use C(group/cxops.genesys.genesys) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - cxops.genesys.genesys
"""

    INFO_ATTRIBUTES = r"""
attributes:
  check_mode:
    description: This module only reads, and runs in check mode.
    support: full
  diff_mode:
    description: This module changes nothing, so it has no diff.
    support: N/A
  action_group:
    description: Use C(group/cxops.genesys.genesys) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - cxops.genesys.genesys
"""

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_task
short_description: Create and follow Genesys Cloud Task Management work items, idempotently
version_added: 0.1.0
description:
  - Creates work items ("tasks") from other systems (a ticket, an invoice discrepancy, a back-office case), one or
    many in one call, and never the same one twice. A work item's identity is its worktype plus its O(external_tag);
    the module looks for it with the work item query (EQ on the worktype, and on the tag) and updates it with
    PATCH instead of creating a second one.
  - Check mode is the preview. Every item is validated (lengths, ranges, dates, references, custom fields against
    the worktype's schema) and looked up, and the result says what would be created or changed. Nothing is written.
  - Each item gets its own outcome (created, updated, unchanged, terminated, deleted, invalid, failed or skipped).
    A bad item does not stop the others unless O(fail_fast) is set; the module fails at the end when any item was
    invalid or failed.
  - O(wait_for) follows a work item through its statuses; O(audit) returns its change history and audit records.
  - New work items are created through the API's bulk add jobs, 50 per job (the API publishes no maximum), each
    with its own outcome from the job's results. A job whose outcome is unknown is settled item by item. An item
    with O(scored_agents), O(preferred_agents), O(wait_for) or O(audit), or one created alone, is created with
    its own request.
  - Many external tags of one worktype are looked up by querying the worktype alone, page by page, while that
    costs fewer requests than querying by tag, 50 tags at a time.
  - In the results, an unchanged work item carries its id, not its before and after.
author:
  - cxops.genesys contributors (@cxops)
options:
  worktype:
    description: Name of the worktype of the work item. Required unless O(items) is given.
    type: str
  external_tag:
    description:
      - The work item's identity within its worktype, such as the id of the ticket it comes from. Required unless
        O(items) is given.
    type: str
  state:
    description:
      - V(present) creates or updates the work item; V(terminated) terminates it (with O(terminate_status));
        V(absent) deletes it.
    type: str
    choices: [present, terminated, absent]
    default: present
  name:
    description: Name of the work item, 3 to 256 characters. Needed to create one.
    type: str
  description:
    description: Description, at most 512 characters.
    type: str
  priority:
    description: Priority, -25000000 to 25000000.
    type: int
  date_due:
    description: When the work item is due, ISO-8601 with a zone (such as V(2026-12-01T09:00:00Z)), at most 365 days ahead.
    type: str
  date_expires:
    description: When the work item expires, ISO-8601 with a zone, at most 365 days ahead.
    type: str
  duration_seconds:
    description: Expected duration, 0 to 31536000 (365 days).
    type: int
  ttl:
    description: When the work item is deleted, in epoch seconds, at most 365 days ahead.
    type: int
  status:
    description: Name of a status of the worktype.
    type: str
  workbin:
    description: Name of the workbin; the worktype's default workbin when not set.
    type: str
  queue:
    description: Name of the queue the work item is routed to.
    type: str
  assignee:
    description: Email of the user the work item is assigned to.
    type: str
  language:
    description: Name of the language the work item requires.
    type: str
  skills:
    description: Names of the skills the work item requires.
    type: list
    elements: str
  preferred_agents:
    description: Emails of the preferred agents.
    type: list
    elements: str
  scored_agents:
    description: Agents with a score, at most 20.
    type: list
    elements: dict
    suboptions:
      agent:
        description: Email of the agent.
        type: str
      score:
        description: Score, 0 to 100.
        type: int
  external_contact:
    description: Id of the external contact.
    type: str
  custom_fields:
    description: Custom fields; their names must be properties of the worktype's schema.
    type: dict
  auto_status_transition:
    description: Whether the work item follows its statuses' automatic transitions.
    type: bool
  script:
    description: Id of the script.
    type: str
  terminate_status:
    description: With O(state=terminated), name of the Closed status to end in; the worktype's first Closed status otherwise.
    type: str
  wait_for:
    description:
      - After the change, wait until the work item is in one of these statuses or status categories
        (V(Open), V(InProgress), V(Waiting), V(Closed)). The result holds the statuses seen, with their times.
    type: list
    elements: str
  wait_timeout:
    description: Seconds to wait for O(wait_for) before failing.
    type: int
    default: 300
  wait_interval:
    description: Seconds between two reads while waiting. Throttled reads wait as the API asks.
    type: int
    default: 5
  audit:
    description:
      - Return the work item's change history and its audit records (an asynchronous audit query, polled until
        it completes).
    type: bool
    default: false
  items:
    description:
      - Work items to converge in one call, instead of the single-item options; for example read from a CSV file
        with C(community.general.read_csv).
      - Each item takes the options above, from O(worktype) to O(audit).
    type: list
    elements: dict
  fail_fast:
    description: Stop at the first invalid or failed item; the items after it are reported as skipped.
    type: bool
    default: false
extends_documentation_fragment:
  - cxops.genesys.genesys
attributes:
  check_mode:
    description: Check mode is a preview, with the full validation and the duplicate check, and no write.
    support: full
  diff_mode:
    description: One diff entry per changed work item.
    support: full
  action_group:
    description: Use C(group/cxops.genesys.genesys) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - cxops.genesys.genesys
"""

EXAMPLES = r"""
- name: Raise a task for an invoice discrepancy, once, and wait until someone picks it up
  cxops.genesys.genesys_task:
    worktype: Invoice Discrepancy
    external_tag: INV-2026-0042
    name: Amount differs from the purchase order
    priority: 10
    date_due: "2026-12-01T09:00:00Z"
    queue: Billing Support
    custom_fields:
      invoice_number_text: INV-2026-0042
    wait_for: [InProgress, Closed]
    wait_timeout: 600

- name: Raise a task per line of a CSV file; a rerun creates nothing
  cxops.genesys.genesys_task:
    items: "{{ lookup('ansible.builtin.file', 'discrepancies.json') | from_json }}"

- name: Close a task and return its audit trail
  cxops.genesys.genesys_task:
    worktype: Invoice Discrepancy
    external_tag: INV-2026-0042
    state: terminated
    audit: true
"""

RETURN = r"""
changed:
  description: Whether any work item was created, updated, terminated or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per item, in the order given.
  returned: always
  type: list
  elements: dict
  contains:
    index:
      description: Position of the item in O(items) (0 for a single item).
      type: int
    external_tag:
      description: The item's external tag.
      type: str
    outcome:
      description: What happened (or would happen in check mode).
      type: str
      sample: created
    problems:
      description: Why the item was invalid or failed.
      type: list
      elements: str
    id:
      description: Id of the work item; null for one check mode would create.
      type: str
    before:
      description: The work item before, in the shape of this module's options.
      type: dict
    after:
      description: The work item after.
      type: dict
    wait:
      description: With O(wait_for), whether a wanted status was reached and the statuses seen, with their times.
      type: dict
    audit:
      description: With O(audit), the change history (C(history)) and the audit records (C(records)).
      type: dict
summary:
  description: How many items had each outcome.
  returned: always
  type: dict
  sample: {created: 198, updated: 0, unchanged: 0, terminated: 0, deleted: 0, invalid: 2, failed: 0, skipped: 0}
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.tasks import TaskSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(TaskSpec(), module_class)


if __name__ == "__main__":
    main()

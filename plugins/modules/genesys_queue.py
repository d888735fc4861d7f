#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_queue
short_description: Manage Genesys Cloud routing queues, their members and wrap-up codes
version_added: 0.1.0
description:
  - Create, update and delete routing queues, one at a time or as a whole list in one call, with every setting of the
    API's queue request, their direct members and their wrap-up codes.
  - The org's queues are listed once per call and compared in memory; members and wrap-up codes are read only for
    the queues whose item sets them.
  - The API's update replaces the whole queue, so an update reads the queue, merges the change and writes it back
    whole; settings this module was not told to set keep their values, even those set in the UI or by other tools.
  - Lists of objects (O(routing_rules), O(bullseye.rings) and their member groups and expansion criteria,
    O(conditional_group_routing.rules), O(conditional_group_activation.rules), O(member_groups)) are matched by
    position. Within each element, an option the item does not set keeps its current value, and fields this module
    does not model survive; the list becomes as long as the item's list (elements beyond it are removed). The diff
    shows each element as it will be.
  - Every referenced object is named by name, since ids differ per org - skills, wrap-up codes, queues, divisions,
    users (by email), groups, teams, skill groups, flows, prompts, published scripts, canned response libraries,
    email domains and routes (by address), message recipients, edge groups and sites. An id is still accepted in place of a name.
  - The outbound SMS address stays an id, since which object it names is not verified.
  - Every value is checked before anything is written (allowed values, ranges, and every reference).
author:
  - cxops.genesys contributors (@cxops)
options:
  acw_settings:
    description:
      - After-call work settings.
    type: dict
    suboptions:
      timeout_ms:
        description:
          - After-call work timeout in milliseconds, 1000 (1 s) to 3600000 (60 min); only with a
            O(acw_settings.wrapup_prompt) of V(AGENT_REQUESTED), V(MANDATORY_TIMEOUT) or
            V(MANDATORY_FORCED_TIMEOUT).
        type: int
      wrapup_prompt:
        description:
          - Whether and how agents are prompted for a wrap-up code.
        type: str
        choices: [MANDATORY, OPTIONAL, MANDATORY_TIMEOUT, MANDATORY_FORCED_TIMEOUT, AGENT_REQUESTED]
  agent_owned_routing:
    description:
      - Agent-owned callbacks.
    type: dict
    suboptions:
      enable_agent_owned_callbacks:
        description:
          - Whether agents own callbacks.
        type: bool
      max_owned_callback_delay_hours:
        description:
          - Hours a callback may be delayed, 1 to 720.
        type: int
      max_owned_callback_hours:
        description:
          - Hours an agent owns a callback, 1 to 168.
        type: int
  auto_answer_only:
    description:
      - Whether the whisper plays only for auto-answered calls.
    type: bool
  bullseye:
    description:
      - Bullseye routing.
    type: dict
    suboptions:
      rings:
        description:
          - The rings, 2 to 6.
        type: list
        elements: dict
        suboptions:
          actions:
            description:
              - What happens when the ring expands.
            type: dict
            suboptions:
              skills_to_remove:
                description:
                  - Names of the skills no longer required from the next ring on.
                type: list
                elements: str
          expansion_criteria:
            description:
              - When the ring expands.
            type: list
            elements: dict
            suboptions:
              threshold:
                description:
                  - Threshold of the rule.
                  - At least 0.
                type: float
              type:
                description:
                  - Type.
                type: str
                choices: [TIMEOUT_SECONDS]
          member_groups:
            description:
              - Groups, teams or skill groups whose users are members, by name and type.
            type: list
            elements: dict
            suboptions:
              name:
                description:
                  - Name of the group, team or skill group (or its id).
                type: str
              type:
                description:
                  - What O(name) names.
                type: str
                choices: [GROUP, TEAM, SKILLGROUP]
  calling_party_name:
    description:
      - Outbound caller name.
    type: str
  calling_party_number:
    description:
      - Outbound caller number.
    type: str
  canned_response_libraries:
    description:
      - Canned response libraries available on the queue.
    type: dict
    suboptions:
      libraries:
        description:
          - Names of the canned response libraries, with V(SelectedOnly).
        type: list
        elements: str
      mode:
        description:
          - Who is called first.
        type: str
        choices: [All, SelectedOnly, None]
  conditional_group_activation:
    description:
      - Conditional group activation.
    type: dict
    suboptions:
      pilot_rule:
        description:
          - The pilot rule.
        type: dict
        suboptions:
          condition_expression:
            description:
              - Expression combining the conditions.
            type: str
          conditions:
            description:
              - Conditions, at most 10.
            type: list
            elements: dict
            suboptions:
              operator:
                description:
                  - Comparison operator.
                type: str
                choices: [GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, EqualTo, NotEqualTo]
              simple_metric:
                description:
                  - The metric compared.
                type: dict
                suboptions:
                  metric:
                    description:
                      - Metric of the condition.
                    type: str
                    choices: [EstimatedWaitTime, IdleAgentCount, ServiceLevel]
                  queue:
                    description:
                      - Name of the queue the condition looks at; the queue itself when not set.
                    type: str
              value:
                description:
                  - Value the metric is compared with.
                type: float
      rules:
        description:
          - The rules, at most 5.
        type: list
        elements: dict
        suboptions:
          condition_expression:
            description:
              - Expression combining the conditions.
            type: str
          conditions:
            description:
              - Conditions, at most 10.
            type: list
            elements: dict
            suboptions:
              operator:
                description:
                  - Comparison operator.
                type: str
                choices: [GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, EqualTo, NotEqualTo]
              simple_metric:
                description:
                  - The metric compared.
                type: dict
                suboptions:
                  metric:
                    description:
                      - Metric of the condition.
                    type: str
                    choices: [EstimatedWaitTime, IdleAgentCount, ServiceLevel]
                  queue:
                    description:
                      - Name of the queue the condition looks at; the queue itself when not set.
                    type: str
              value:
                description:
                  - Value the metric is compared with.
                type: float
          groups:
            description:
              - Groups to route to when the condition holds, by name and type.
              - At most 5 items.
            type: list
            elements: dict
            suboptions:
              name:
                description:
                  - Name of the group, team or skill group (or its id).
                type: str
              type:
                description:
                  - What O(name) names.
                type: str
                choices: [GROUP, TEAM, SKILLGROUP]
  conditional_group_routing:
    description:
      - Conditional group routing.
    type: dict
    suboptions:
      rules:
        description:
          - The rules, at most 5.
        type: list
        elements: dict
        suboptions:
          condition_value:
            description:
              - Value the metric is compared with.
            type: float
          groups:
            description:
              - Groups to route to when the condition holds, by name and type.
            type: list
            elements: dict
            suboptions:
              name:
                description:
                  - Name of the group, team or skill group (or its id).
                type: str
              type:
                description:
                  - What O(name) names.
                type: str
                choices: [GROUP, TEAM, SKILLGROUP]
          metric:
            description:
              - Metric of the condition.
            type: str
            choices: [EstimatedWaitTime, ServiceLevel]
          operator:
            description:
              - Comparison operator.
            type: str
            choices: [GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo]
          queue:
            description:
              - Name of the queue the condition looks at; the queue itself when not set.
            type: str
          wait_seconds:
            description:
              - Seconds to wait.
              - At least 0.
            type: int
  default_media_language:
    description:
      - Default media language, such as V(en-US).
    type: str
  default_scripts:
    description:
      - Default published scripts by name, by communication type (V(CALL), V(CALLBACK), V(CHAT), V(COBROWSE), V(EMAIL), V(MESSAGE),
        V(SOCIAL_EXPRESSION), V(VIDEO), V(SCREENSHARE)).
    type: dict
  delete_timeout:
    description:
      - Seconds to wait for a deleted queue to disappear, since the API deletes queues asynchronously.
    type: int
    default: 120
  description:
    description:
      - Description of the queue, at most 512 characters.
    type: str
  direct_routing:
    description:
      - Direct routing to agents.
    type: dict
    suboptions:
      agent_wait_seconds:
        description:
          - Seconds to wait for the agent, 60 to 864000.
        type: int
      backup_queue:
        description:
          - Name of the backup queue.
        type: str
      call_media_settings:
        description:
          - Direct routing of calls.
        type: dict
        suboptions:
          use_agent_address_outbound:
            description:
              - Whether outbound interactions use the agent's address.
            type: bool
      email_media_settings:
        description:
          - Direct routing of emails.
        type: dict
        suboptions:
          use_agent_address_outbound:
            description:
              - Whether outbound interactions use the agent's address.
            type: bool
      message_media_settings:
        description:
          - Direct routing of messages.
        type: dict
        suboptions:
          use_agent_address_outbound:
            description:
              - Whether outbound interactions use the agent's address.
            type: bool
      wait_for_agent:
        description:
          - Whether to wait for the agent.
        type: bool
  division:
    description:
      - Name of the queue's division. A change moves the queue with the divisions objects endpoint.
    type: str
  email_in_queue_flow:
    description:
      - Name of the in-queue email flow (type INQUEUEEMAIL).
    type: str
  enable_audio_monitoring:
    description:
      - Whether audio monitoring is on.
    type: bool
  enable_manual_assignment:
    description:
      - Whether interactions can be assigned by hand.
    type: bool
  enable_transcription:
    description:
      - Whether calls are transcribed.
    type: bool
  force_delete:
    description:
      - With O(state=absent), delete the queue even if it has members.
    type: bool
    default: false
  last_agent_routing_mode:
    description:
      - Whether interactions go back to the last agent.
    type: str
    choices: [Disabled, QueueMembersOnly, AnyAgent]
  media_settings:
    description:
      - Settings per media type. Only the media types and settings given are compared and changed.
    type: dict
    suboptions:
      call:
        description:
          - Settings of voice calls.
        type: dict
        suboptions:
          alerting_timeout_seconds:
            description:
              - Seconds an agent is alerted before the interaction goes to the next agent.
              - At least 0.
            type: int
          auto_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for auto-answered interactions.
              - At least 0.
            type: float
          enable_auto_answer:
            description:
              - Whether interactions are answered automatically.
            type: bool
          manual_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for manually answered interactions.
              - At least 0.
            type: float
          service_level:
            description:
              - The service level target.
            type: dict
            suboptions:
              duration_ms:
                description:
                  - Target answer time in milliseconds.
                  - At least 0.
                type: int
              percentage:
                description:
                  - Share of interactions to answer within the target time, 0 to 1.
                type: float
      callback:
        description:
          - Settings of callbacks.
        type: dict
        suboptions:
          alerting_timeout_seconds:
            description:
              - Seconds an agent is alerted before the interaction goes to the next agent.
              - At least 0.
            type: int
          answering_machine_flow:
            description:
              - Name of the flow used on an answering machine, with V(TransferToFlow).
            type: str
          answering_machine_reaction_type:
            description:
              - What happens when an answering machine answers.
            type: str
            choices: [HangUp, TransferToQueue, TransferToFlow]
          auto_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for auto-answered interactions.
              - At least 0.
            type: float
          auto_dial_delay_seconds:
            description:
              - Seconds before an automatic dial, 0 to 1200.
            type: int
          auto_end_delay_seconds:
            description:
              - Seconds before an automatic end, 0 to 1200.
            type: int
          edge_group:
            description:
              - Name of the edge group that places callbacks.
            type: str
          enable_auto_answer:
            description:
              - Whether interactions are answered automatically.
            type: bool
          enable_auto_dial_and_end:
            description:
              - Whether callbacks are dialled and ended automatically.
            type: bool
          live_voice_flow:
            description:
              - Name of the flow used on a live voice, with V(TransferToFlow).
            type: str
          live_voice_reaction_type:
            description:
              - What happens when a live voice answers.
            type: str
            choices: [HangUp, TransferToQueue, TransferToFlow]
          manual_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for manually answered interactions.
              - At least 0.
            type: float
          max_retry_count:
            description:
              - Retries of a callback, 0 to 20.
            type: int
          mode:
            description:
              - Who is called first.
            type: str
            choices: [AgentFirst, CustomerFirst]
          pacing_modifier:
            description:
              - Pacing modifier of callback dialling.
              - At least 0.
            type: float
          retry_delay_seconds:
            description:
              - Seconds between retries, 60 to 86400.
            type: int
          service_level:
            description:
              - The service level target.
            type: dict
            suboptions:
              duration_ms:
                description:
                  - Target answer time in milliseconds.
                  - At least 0.
                type: int
              percentage:
                description:
                  - Share of interactions to answer within the target time, 0 to 1.
                type: float
          site:
            description:
              - Name of the site that places callbacks.
            type: str
      chat:
        description:
          - Settings of chats.
        type: dict
        suboptions:
          alerting_timeout_seconds:
            description:
              - Seconds an agent is alerted before the interaction goes to the next agent.
              - At least 0.
            type: int
          auto_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for auto-answered interactions.
              - At least 0.
            type: float
          enable_auto_answer:
            description:
              - Whether interactions are answered automatically.
            type: bool
          manual_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for manually answered interactions.
              - At least 0.
            type: float
          service_level:
            description:
              - The service level target.
            type: dict
            suboptions:
              duration_ms:
                description:
                  - Target answer time in milliseconds.
                  - At least 0.
                type: int
              percentage:
                description:
                  - Share of interactions to answer within the target time, 0 to 1.
                type: float
      email:
        description:
          - Settings of emails.
        type: dict
        suboptions:
          alerting_timeout_seconds:
            description:
              - Seconds an agent is alerted before the interaction goes to the next agent.
              - At least 0.
            type: int
          auto_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for auto-answered interactions.
              - At least 0.
            type: float
          enable_auto_answer:
            description:
              - Whether interactions are answered automatically.
            type: bool
          manual_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for manually answered interactions.
              - At least 0.
            type: float
          service_level:
            description:
              - The service level target.
            type: dict
            suboptions:
              duration_ms:
                description:
                  - Target answer time in milliseconds.
                  - At least 0.
                type: int
              percentage:
                description:
                  - Share of interactions to answer within the target time, 0 to 1.
                type: float
      messaging:
        description:
          - Settings of messages (the API's C(message) settings; Ansible reserves that name).
        type: dict
        suboptions:
          alerting_timeout_seconds:
            description:
              - Seconds an agent is alerted before the interaction goes to the next agent.
              - At least 0.
            type: int
          auto_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for auto-answered interactions.
              - At least 0.
            type: float
          enable_auto_answer:
            description:
              - Whether interactions are answered automatically.
            type: bool
          enable_inactivity_timeout:
            description:
              - Whether inactive messages time out.
            type: bool
          inactivity_timeout_settings:
            description:
              - What happens when a message conversation is inactive.
            type: dict
            suboptions:
              action_type:
                description:
                  - What to do on inactivity.
                type: str
                choices: [DISCONNECT, SEND_TO_ARCHITECT_FLOW]
              flow:
                description:
                  - Name of the Architect flow to send the conversation to.
                type: str
              timeout_seconds:
                description:
                  - Seconds of inactivity.
                  - At least 0.
                type: int
          manual_answer_alert_tone_seconds:
            description:
              - Seconds the alert tone plays for manually answered interactions.
              - At least 0.
            type: float
          service_level:
            description:
              - The service level target.
            type: dict
            suboptions:
              duration_ms:
                description:
                  - Target answer time in milliseconds.
                  - At least 0.
                type: int
              percentage:
                description:
                  - Share of interactions to answer within the target time, 0 to 1.
                type: float
          sub_type_settings:
            description:
              - Settings per message sub-type (for example V(sms), V(webmessaging)), keyed by sub-type.
            type: dict
  member_groups:
    description:
      - Groups, teams or skill groups whose users are members, by name and type.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the group, team or skill group (or its id).
        type: str
      type:
        description:
          - What O(name) names.
        type: str
        choices: [GROUP, TEAM, SKILLGROUP]
  members:
    description:
      - Users who are direct members of the queue. Members that come from O(member_groups) are never touched.
    type: list
    elements: dict
    suboptions:
      ring_number:
        description:
          - Bullseye ring of the member, 1 to 6.
        type: int
        default: 1
      user:
        description:
          - Email (or id) of the user. Inactive and deleted users are skipped with a warning.
        type: str
        required: true
  members_mode:
    description:
      - V(additive) adds the listed users and removes nobody; V(authoritative) also removes direct members not
        listed, which counts against O(max_deletions).
    type: str
    choices: [additive, authoritative]
    default: additive
  message_in_queue_flow:
    description:
      - Name of the in-queue message flow (type INQUEUESHORTMESSAGE).
    type: str
  on_hold_prompt:
    description:
      - Name of the on-hold prompt.
    type: str
  outbound_email_address:
    description:
      - Address used for outbound emails.
    type: dict
    suboptions:
      domain:
        description:
          - Name of the email domain, for example V(support.example.com).
        type: str
      route:
        description:
          - The inbound route by its address, V(pattern@domain).
        type: str
  outbound_messaging_addresses:
    description:
      - Addresses used for outbound messages.
    type: dict
    suboptions:
      open_messaging_recipient:
        description:
          - Name of the open messaging recipient (a message recipient of messenger type open).
        type: str
      sms_address:
        description:
          - Id of the SMS address. It stays an id, since which object it names (an SMS address or an SMS number) is
            not verified.
        type: str
      whats_app_recipient:
        description:
          - Name of the WhatsApp recipient (a message recipient of messenger type whatsapp).
        type: str
  peer_id:
    description:
      - Id of the queue in an external system.
    type: str
  queue_flow:
    description:
      - Name of the in-queue call flow (type INQUEUECALL).
    type: str
  routing_rules:
    description:
      - Preferred agent routing rules, at most 6.
    type: list
    elements: dict
    suboptions:
      operator:
        description:
          - Comparison operator.
        type: str
        choices: [MEETS_THRESHOLD, ANY]
      threshold:
        description:
          - Threshold of the rule.
        type: int
      wait_seconds:
        description:
          - Seconds to wait.
          - From 2 to 259200.
        type: float
  scoring_method:
    description:
      - How interactions are scored.
    type: str
    choices: [TimestampAndPriority, PriorityOnly]
  skill_evaluation_method:
    description:
      - How agents' skills are evaluated when routing.
    type: str
    choices: [NONE, BEST, ALL]
  source_queue_id:
    description:
      - Id of a queue whose settings a new queue copies (preferred agent routing rules excepted). Used on create
        only.
    type: str
  suppress_in_queue_call_recording:
    description:
      - Whether in-queue call recording is suppressed.
    type: bool
  whisper_prompt:
    description:
      - Name of the whisper prompt.
    type: str
  wrapup_codes:
    description:
      - Names of the wrap-up codes available on the queue.
    type: list
    elements: str
  wrapup_codes_mode:
    description:
      - V(additive) adds the listed codes; V(authoritative) also removes codes not listed, which counts against
        O(max_deletions).
    type: str
    choices: [additive, authoritative]
    default: additive

extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: A support queue with its settings, members and wrap-up codes
  cxops.genesys.genesys_queue:
    name: Support EN
    description: First-line support, English
    division: Support
    skill_evaluation_method: BEST
    acw_settings:
      wrapup_prompt: MANDATORY_TIMEOUT
      timeout_ms: 30000
    media_settings:
      call:
        alerting_timeout_seconds: 20
        service_level: {percentage: 0.8, duration_ms: 20000}
      messaging:
        enable_auto_answer: true
    bullseye:
      rings:
        - expansion_criteria: [{type: TIMEOUT_SECONDS, threshold: 15}]
          actions: {skills_to_remove: [Billing]}
        - expansion_criteria: [{type: TIMEOUT_SECONDS, threshold: 30}]
    members:
      - user: alice@example.com
      - user: bob@example.com
        ring_number: 2
    wrapup_codes: [Resolved, Escalated]

- name: Make the member list authoritative (removes unlisted direct members, up to 20)
  cxops.genesys.genesys_queue:
    name: Support EN
    members: "{{ support_agents }}"
    members_mode: authoritative
    max_deletions: 20

- name: Delete a queue, even with members, and wait until it is gone
  cxops.genesys.genesys_queue:
    name: Legacy
    state: absent
    force_delete: true
"""

RETURN = r"""
changed:
  description: Whether any queue, member or wrap-up code assignment changed (or would, in check mode).
  returned: always
  type: bool
results:
  description: One entry per queue that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the queue.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: updated
    before:
      description: The queue before, in the shape of this module's options, references by name; null when new.
      type: dict
    after:
      description: The queue after; null when it was deleted.
      type: dict
summary:
  description:
    - How many queues were created, updated, deleted and left unchanged.
    - And how many were adopted, when a create was refused because another run had just created the object,
      which is then used.
  returned: always
  type: dict
  sample: {created: 1, updated: 2, deleted: 0, unchanged: 40}
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import QueueSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(QueueSpec(), module_class)


if __name__ == "__main__":
    main()

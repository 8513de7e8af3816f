/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/render/json.test.ts > TAP > snapshot of the mixed plan as JSON > mixed 1`] = `
{
  "formatVersion": 1,
  "fingerprint": "sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c",
  "toolVersion": "0.1.0",
  "summary": {
    "member.set_role": 3,
    "member.add": 2,
    "member.update_profile": 2,
    "member.suspend": 2,
    "member.unsuspend": 1,
    "member.recover": 1,
    "member.remove": 2,
    "group.create": 1,
    "group.rename": 2,
    "group.members.add": 2,
    "group.members.remove": 1,
    "group.delete": 1
  },
  "actions": [
    {
      "id": "member.set_role:dbmid:AACBtpg34n2i2KKPZn63lP",
      "reason": "roles.yaml:4:13 gives team_admin to users: [cto@acme-robotics.example]; Dropbox role is member_only",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.set_role",
      "member": {
        "email": "cto@acme-robotics.example",
        "teamMemberId": "dbmid:AACBtpg34n2i2KKPZn63lP",
        "oktaUserId": "00ucx860AhIWMBksDbmy"
      },
      "from": "member_only",
      "to": "team_admin",
      "phase": 4
    },
    {
      "id": "member.set_role:dbmid:AAopKLxxi7ZpSzIu5xL8rJ",
      "reason": "member of Okta group IT Helpdesk (roles.yaml:9:17 gives support_admin); Dropbox role is member_only",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.set_role",
      "member": {
        "email": "priya.raman@acme-robotics.example",
        "teamMemberId": "dbmid:AAopKLxxi7ZpSzIu5xL8rJ",
        "oktaUserId": "00uRxQrK3BSWPtSQXkJd"
      },
      "from": "member_only",
      "to": "support_admin",
      "phase": 4
    },
    {
      "id": "member.set_role:dbmid:AArg5HxMnkldRQCPxDnjue",
      "reason": "no longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member_only",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.set_role",
      "member": {
        "email": "tom.becker@acme-robotics.example",
        "teamMemberId": "dbmid:AArg5HxMnkldRQCPxDnjue",
        "oktaUserId": "00uVSDTmFgA2rslAgQO6"
      },
      "from": "user_management_admin",
      "to": "member_only",
      "phase": 5
    },
    {
      "id": "member.add:okta:00uYc3edden6QIklonWx",
      "reason": "assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.add",
      "member": {
        "email": "nina.patel@acme-robotics.example",
        "teamMemberId": null,
        "oktaUserId": "00uYc3edden6QIklonWx"
      },
      "givenName": "Nina",
      "surname": "Patel",
      "externalId": "00uYc3edden6QIklonWx",
      "sendWelcomeEmail": false,
      "role": "member_only",
      "phase": 2
    },
    {
      "id": "member.add:okta:00ue2OsXacvXVe3uZlxp",
      "reason": "assigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user_management_admin); not in Dropbox",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.add",
      "member": {
        "email": "omar.haddad@acme-robotics.example",
        "teamMemberId": null,
        "oktaUserId": "00ue2OsXacvXVe3uZlxp"
      },
      "givenName": "Omar",
      "surname": "Haddad",
      "externalId": "00ue2OsXacvXVe3uZlxp",
      "sendWelcomeEmail": false,
      "role": "user_management_admin",
      "phase": 2
    },
    {
      "id": "member.update_profile:dbmid:AAAtJJrrlkDme3CyAzXyIb",
      "reason": "Okta profile changed: email is now jordan.lee-smith@acme-robotics.example, lastName Lee-Smith (provisioning.profile)",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.update_profile",
      "member": {
        "email": "jordan.lee@acme-robotics.example",
        "teamMemberId": "dbmid:AAAtJJrrlkDme3CyAzXyIb",
        "oktaUserId": "00uWEARc1iLpOSZ3RYUx"
      },
      "changes": {
        "email": {
          "from": "jordan.lee@acme-robotics.example",
          "to": "jordan.lee-smith@acme-robotics.example"
        },
        "surname": {
          "from": "Lee",
          "to": "Lee-Smith"
        }
      },
      "phase": 2
    },
    {
      "id": "member.update_profile:dbmid:AA1l3OktwbxfhN5SCFbDav",
      "reason": "Dropbox member matched Okta user by email with an empty external id: adopted",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.update_profile",
      "member": {
        "email": "aiko.tanaka@acme-robotics.example",
        "teamMemberId": "dbmid:AA1l3OktwbxfhN5SCFbDav",
        "oktaUserId": "00ucXhH9LJS1SIQBUNZ6"
      },
      "changes": {
        "externalId": {
          "from": null,
          "to": "00ucXhH9LJS1SIQBUNZ6"
        }
      },
      "phase": 2
    },
    {
      "id": "member.suspend:dbmid:AAUfrjykEKc1rYQEGDDbgD",
      "reason": "Okta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false)",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.suspend",
      "member": {
        "email": "sam.okafor@acme-robotics.example",
        "teamMemberId": "dbmid:AAUfrjykEKc1rYQEGDDbgD",
        "oktaUserId": "00upV0t0ZmPakSSAEHok"
      },
      "wipeData": false,
      "removeAfter": null,
      "phase": 8
    },
    {
      "id": "member.suspend:dbmid:AAoKTtk31MpgPITw9w80O8",
      "reason": "Okta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.suspend",
      "member": {
        "email": "rachel.green@acme-robotics.example",
        "teamMemberId": "dbmid:AAoKTtk31MpgPITw9w80O8",
        "oktaUserId": "00u7wxSiivExrgmeAPzT"
      },
      "wipeData": false,
      "removeAfter": null,
      "phase": 8
    },
    {
      "id": "member.unsuspend:dbmid:AAzvxJxF66yro9ewOxPlKW",
      "reason": "Okta status ACTIVE again since 2026-11-27; suspended in Dropbox",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.unsuspend",
      "member": {
        "email": "elena.rossi@acme-robotics.example",
        "teamMemberId": "dbmid:AAzvxJxF66yro9ewOxPlKW",
        "oktaUserId": "00ubS58Fv6xrl8nyM6nP"
      },
      "phase": 2
    },
    {
      "id": "member.recover:dbmid:AAYaYMSELvJEjq03rFZyBv",
      "reason": "Okta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.recover",
      "member": {
        "email": "felix.wagner@acme-robotics.example",
        "teamMemberId": "dbmid:AAYaYMSELvJEjq03rFZyBv",
        "oktaUserId": "00ufLzuMajIP3ODZSRaZ"
      },
      "phase": 2
    },
    {
      "id": "member.remove:dbmid:AA7hirIOvmlBLMxNvHbwWG",
      "reason": "Okta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager laura.kim@acme-robotics.example (Okta managerId)",
      "reversibility": "irreversible",
      "dependsOn": [],
      "serialKey": "transfer:dbmid:AA62AGvbxawrxG2zSDcI9G",
      "kind": "member.remove",
      "member": {
        "email": "mark.chen@acme-robotics.example",
        "teamMemberId": "dbmid:AA7hirIOvmlBLMxNvHbwWG",
        "oktaUserId": "00u5xARxHic3a1DAxXNI"
      },
      "transferTo": {
        "email": "laura.kim@acme-robotics.example",
        "teamMemberId": "dbmid:AA62AGvbxawrxG2zSDcI9G",
        "oktaUserId": "00ukcmTrEh4RIh0pE2mY"
      },
      "transferAdmin": {
        "email": "it-admin@acme-robotics.example",
        "teamMemberId": "dbmid:AALwInTBWWEPYdiZxnPrlu",
        "oktaUserId": "00uBnrpcjb9vkJwdtTxP"
      },
      "transferFallbacks": [
        {
          "email": "it-archive@acme-robotics.example",
          "teamMemberId": "dbmid:AAwvazaM51XHxFhwPoRnhO",
          "oktaUserId": "00uOOMITUE9GsamDyQxM"
        }
      ],
      "keepAccount": false,
      "retainTeamShares": false,
      "wipeData": true,
      "phase": 9
    },
    {
      "id": "member.remove:dbmid:AAxQy6Fv19hxphC0JAxozq",
      "reason": "invited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn",
      "reversibility": "recoverable",
      "dependsOn": [],
      "serialKey": null,
      "kind": "member.remove",
      "member": {
        "email": "hannah.scott@acme-robotics.example",
        "teamMemberId": "dbmid:AAxQy6Fv19hxphC0JAxozq",
        "oktaUserId": "00uqLA8e2qyfznje8F38"
      },
      "transferTo": null,
      "transferAdmin": null,
      "transferFallbacks": [],
      "keepAccount": false,
      "retainTeamShares": false,
      "wipeData": false,
      "phase": 9
    },
    {
      "id": "group.create:okta-group:okta:00gYgTENdPCJRe8oemgn",
      "reason": "Okta group dbx-Legal matches groupPushes pattern \\"^dbx-\\" (groups.yaml:4:5); no Dropbox group carries its external id",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "group.create",
      "group": {
        "groupId": null,
        "name": "dbx-Legal",
        "externalId": "okta:00gYgTENdPCJRe8oemgn"
      },
      "oktaGroupId": "00gYgTENdPCJRe8oemgn",
      "managementType": "company_managed",
      "phase": 0
    },
    {
      "id": "group.rename:group:g:uoyv8ca6jd2lp9ncggglg4ge",
      "reason": "Okta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "group.rename",
      "group": {
        "groupId": "g:uoyv8ca6jd2lp9ncggglg4ge",
        "name": "dbx-Brand",
        "externalId": "okta:00gY4ONrlPClgSFe130V"
      },
      "from": "dbx-Brand",
      "to": "dbx-Marketing",
      "newExternalId": null,
      "phase": 1
    },
    {
      "id": "group.rename:group:g:rjdqju2ppyamznicxwmppmcq",
      "reason": "Okta group Sales is pushed as \\"Sales Team\\" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "group.rename",
      "group": {
        "groupId": "g:rjdqju2ppyamznicxwmppmcq",
        "name": "Sales Team",
        "externalId": null
      },
      "from": "Sales Team",
      "to": "Sales Team",
      "newExternalId": "okta:00gXf1hGSxcEq7SNnti6",
      "phase": 1
    },
    {
      "id": "group.members.add:group:g:yrwefuqjxjxjarmdhriuxreq",
      "reason": "members of Okta group Engineering not in the Dropbox group",
      "reversibility": "reversible",
      "dependsOn": [
        "member.add:okta:00uYc3edden6QIklonWx"
      ],
      "serialKey": null,
      "kind": "group.members.add",
      "group": {
        "groupId": "g:yrwefuqjxjxjarmdhriuxreq",
        "name": "Engineering",
        "externalId": "okta:00gZqjNx4sxFfEVtA6Gh"
      },
      "members": [
        {
          "email": "nina.patel@acme-robotics.example",
          "teamMemberId": null,
          "oktaUserId": "00uYc3edden6QIklonWx"
        },
        {
          "email": "priya.raman@acme-robotics.example",
          "teamMemberId": "dbmid:AAopKLxxi7ZpSzIu5xL8rJ",
          "oktaUserId": "00uRxQrK3BSWPtSQXkJd"
        }
      ],
      "phase": 6
    },
    {
      "id": "group.members.add:okta-group:okta:00gYgTENdPCJRe8oemgn",
      "reason": "members of Okta group dbx-Legal",
      "reversibility": "reversible",
      "dependsOn": [
        "group.create:okta-group:okta:00gYgTENdPCJRe8oemgn",
        "member.add:okta:00ue2OsXacvXVe3uZlxp"
      ],
      "serialKey": null,
      "kind": "group.members.add",
      "group": {
        "groupId": null,
        "name": "dbx-Legal",
        "externalId": "okta:00gYgTENdPCJRe8oemgn"
      },
      "members": [
        {
          "email": "omar.haddad@acme-robotics.example",
          "teamMemberId": null,
          "oktaUserId": "00ue2OsXacvXVe3uZlxp"
        },
        {
          "email": "rachel.green@acme-robotics.example",
          "teamMemberId": "dbmid:AAoKTtk31MpgPITw9w80O8",
          "oktaUserId": "00u7wxSiivExrgmeAPzT"
        },
        {
          "email": "laura.kim@acme-robotics.example",
          "teamMemberId": "dbmid:AA62AGvbxawrxG2zSDcI9G",
          "oktaUserId": "00ukcmTrEh4RIh0pE2mY"
        }
      ],
      "phase": 6
    },
    {
      "id": "group.members.remove:group:g:yrwefuqjxjxjarmdhriuxreq",
      "reason": "no longer members of Okta group Engineering",
      "reversibility": "reversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "group.members.remove",
      "group": {
        "groupId": "g:yrwefuqjxjxjarmdhriuxreq",
        "name": "Engineering",
        "externalId": "okta:00gZqjNx4sxFfEVtA6Gh"
      },
      "members": [
        {
          "email": "ben.ortiz@acme-robotics.example",
          "teamMemberId": "dbmid:AAZsUGrHoVYmJB2EFX9QzL",
          "oktaUserId": "00uZ15Eopu2YKBpOh0Xb"
        }
      ],
      "phase": 7
    },
    {
      "id": "group.delete:group:g:edtd4f0x3hrakqorlvxu8tux",
      "reason": "created by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1)",
      "reversibility": "irreversible",
      "dependsOn": [],
      "serialKey": null,
      "kind": "group.delete",
      "group": {
        "groupId": "g:edtd4f0x3hrakqorlvxu8tux",
        "name": "dbx-Events",
        "externalId": "okta:00g8hF4HORP3nulREP33"
      },
      "phase": 10
    }
  ],
  "reports": [
    {
      "kind": "unmanaged_member",
      "email": "freelance.designer@acme-robotics.example",
      "teamMemberId": "dbmid:AAr7fATjacJuBEj2n1FXKv",
      "oktaUserId": null,
      "message": "no Okta user matches this Dropbox member; left alone (unmanagedMembers: report)"
    },
    {
      "kind": "protected_member",
      "email": "breakglass@acme-robotics.example",
      "teamMemberId": "dbmid:AAOdIwcuGI45csWLJrEI2M",
      "oktaUserId": "00u0XqRCuyQqoPnpOoTx",
      "message": "protected member (settings.yaml:12:22): no rule gives team_admin, the role is kept"
    },
    {
      "kind": "ambiguous_match",
      "email": "j.doe@acme-robotics.example",
      "teamMemberId": "dbmid:AA2W2I26ji8TxcOXuxXa4q",
      "oktaUserId": null,
      "message": "two Okta users match by email (00uA1 john.doe@acme-robotics.example, 00uB2 jane.doe@acme-robotics.example with secondEmail j.doe@acme-robotics.example); left alone"
    }
  ],
  "waiting": [
    {
      "kind": "pending_invite",
      "email": "lena.fischer@acme-robotics.example",
      "teamMemberId": "dbmid:AAsExzzNL7KnVD8eDO1DRB",
      "oktaUserId": "00uko99tC4bPR0ZpcePx",
      "since": "2026-11-16T08:12:00.000Z",
      "ageDays": 12,
      "dueDate": null,
      "message": "invited to the Dropbox team, has not joined yet"
    },
    {
      "kind": "awaiting_activation",
      "email": "oliver.brandt@acme-robotics.example",
      "teamMemberId": null,
      "oktaUserId": "00ud3XzV1cjsYSCUCc3i",
      "since": "2026-11-25T14:00:00.000Z",
      "ageDays": 2,
      "dueDate": null,
      "message": "Okta status STAGED: added once activated"
    },
    {
      "kind": "grace_period",
      "email": "derek.olsen@acme-robotics.example",
      "teamMemberId": "dbmid:AAI0gxuQWxipgVW96fRGML",
      "oktaUserId": "00ueIQ79QVLnTuxRQExR",
      "since": "2026-11-23T10:30:00.000Z",
      "ageDays": 5,
      "dueDate": "2026-11-30",
      "message": "deactivated in Okta; suspended, to be removed after the grace period (graceDays 7)"
    }
  ],
  "warnings": [
    {
      "code": "group_push_assigns_app",
      "message": "Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration",
      "source": "groups.yaml:6:5"
    },
    {
      "code": "exception_expires_soon",
      "message": "safety exception \\"Closing the Lyon office (TICKET-123)\\" expires on 2026-12-31",
      "source": "settings.yaml:21:7"
    }
  ],
  "safety": {
    "ok": true,
    "violations": []
  }
}

`

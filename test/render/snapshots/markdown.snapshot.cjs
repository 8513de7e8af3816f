/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > adds only 1`] = `
**Plan: 5 to add, 0 to change, 0 to suspend, 0 to remove.**

<details><summary>+ Members to add (3) <code>member.add</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| nina.patel@acme-robotics.example | add: Nina Patel, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| lucas.moreau@acme-robotics.example | add: Lucas Moreau, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| omar.haddad@acme-robotics.example | add: Omar Haddad, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Contractors; ACTIVE in Okta, not in Dropbox |

</details>

<details><summary>+ Group Engineering: 2 members to add <code>group.members.add</code></summary>

Why: members of Okta group Engineering (groupPushes in groups.yaml:2:5) not in the Dropbox group

- nina.patel@acme-robotics.example
- lucas.moreau@acme-robotics.example

</details>

<sub>Fingerprint \`sha256:1701946084e67c87395ec11a17b741ad2122d279a10478fda89804f3eff9b936\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > awkward names 1`] = `
**Plan: 3 to add, 2 to change, 0 to suspend, 0 to remove.** 1 warning

<details><summary>+ Members to add (1) <code>member.add</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| zoe\\_o-brien@acme-robotics.example | add: Zoë &lt;b&gt; O'Brien \\| \\\`dev\\\`, role member\\_only, welcome email sent | assigned via Okta group \\\`R&amp;D \\| Prototypes &lt;EU&gt;\\\`; not in Dropbox |

</details>

<details><summary>~ Profile updates (1) <code>member.update_profile</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| max.mustermann@acme-robotics.example | update profile: given name "\\*Max\\*" → "Max\\_\\[admin\\]" | Okta profile changed: firstName |

</details>

<details><summary>~ Group renames and adoptions (1) <code>group.rename</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| &lt;script&gt;alert(1)&lt;/script&gt; | rename "&lt;script&gt;alert(1)&lt;/script&gt;" → "@​acme/admins \\*all\\*" | Okta group renamed to "@​acme/admins \\*all\\*" |

</details>

<details><summary>+ Group R&amp;D | Prototypes &lt;EU&gt;: 2 members to add <code>group.members.add</code></summary>

Why: members of Okta group R&amp;D \\| Prototypes &lt;EU&gt;

- zoe\\_o-brien@acme-robotics.example
- max.mustermann@acme-robotics.example

</details>

### Warnings (1)

- Okta group "Legal &lt;/details&gt; Archive" has a name that looks like HTML; Dropbox group names \\| and &lt;EU&gt; are kept as they are \`odd_name\`

<sub>Fingerprint \`sha256:dfc3420b70c492922d2a3db3d73df5c3fbfb7f8c87ef57f233b6fb2b0280172a\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > empty 1`] = `
**No changes. Dropbox matches the desired state.**

<sub>Fingerprint \`sha256:bcb2cb5ea740f30f54defcc5936038b9fbc9349f61d300506a039f891ec6a9e6\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > import 1`] = `
**Plan: 2 to add, 1 to change, 0 to suspend, 0 to remove.** 1 report

<details><summary>+ Okta: app assignments (1) <code>okta.assign</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| sofia.lindqvist@acme-robotics.example | Okta: assign to the Dropbox app | Dropbox member sofia.lindqvist@acme-robotics.example matches Okta user 00uiyhmO5uIebWLB1gyA by email; not assigned to the app (import.linkMatchingUsers: true) |

</details>

<details><summary>+ Okta: users to create (1) <code>okta.create_user</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| guest.photographer@acme-robotics.example | Okta: create a STAGED user (email "guest.photographer@acme-robotics.example", firstName "Guest", lastName "Photographer", login "guest.photographer@acme-robotics.example") | no Okta user matches this Dropbox member (import.createUsers: true in import.yaml:3:16) |

</details>

<details><summary>~ Okta: profile updates (1) <code>okta.update_profile</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| lena.fischer@acme-robotics.example | Okta: update profile: lastName "Fisher" → "Fischer" | import.profile (import.yaml:5:5) masters lastName in Dropbox |

</details>

<details><summary>Reports (1): left alone</summary>

| Kind | Person | Note |
| --- | --- | --- |
| unassigned member | old.intern@acme-robotics.example | Okta user DEPROVISIONED: not linked (import links active users only) |

</details>

<sub>Fingerprint \`sha256:723715a69131372bd2f5dca55cacbf44bd7c948e46b8985c9f58ff10b2051c5e\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > mixed 1`] = `
**Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.** 2 irreversible changes · 4 admin role changes · 3 waiting · 3 reports · 2 warnings

### Irreversible changes (2)

| Who | Change | Reason |
| --- | --- | --- |
| mark.chen@acme-robotics.example | \`-\` remove: files to laura.kim@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager laura.kim@acme-robotics.example (Okta managerId) |
| group "dbx-Events" | \`-\` delete | created by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1) |

### Admin roles (4)

| Person | Change | Reason |
| --- | --- | --- |
| cto@acme-robotics.example | \`~\` role member\\_only → team\\_admin (promotion) | roles.yaml:4:13 gives team\\_admin to users: \\[cto@acme-robotics.example\\]; Dropbox role is member\\_only |
| priya.raman@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin); Dropbox role is member\\_only |
| tom.becker@acme-robotics.example | \`~\` role user\\_management\\_admin → member\\_only (demotion) | no longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member\\_only |
| omar.haddad@acme-robotics.example | \`+\` add: Omar Haddad, role user\\_management\\_admin, no welcome email | assigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user\\_management\\_admin); not in Dropbox |

<details><summary>+ Members to add (1) <code>member.add</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| nina.patel@acme-robotics.example | add: Nina Patel, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox |

</details>

<details><summary>~ Profile updates (2) <code>member.update_profile</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| jordan.lee@acme-robotics.example | update profile: email jordan.lee@acme-robotics.example → jordan.lee-smith@acme-robotics.example, surname "Lee" → "Lee-Smith" | Okta profile changed: email is now jordan.lee-smith@acme-robotics.example, lastName Lee-Smith (provisioning.profile) |
| aiko.tanaka@acme-robotics.example | update profile: external id (none) → 00ucXhH9LJS1SIQBUNZ6 | Dropbox member matched Okta user by email with an empty external id: adopted |

</details>

<details><summary>! Suspensions (2) <code>member.suspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| sam.okafor@acme-robotics.example | suspend, data kept | Okta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| rachel.green@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |

</details>

<details><summary>~ Unsuspensions (1) <code>member.unsuspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| elena.rossi@acme-robotics.example | unsuspend: previous access restored | Okta status ACTIVE again since 2026-11-27; suspended in Dropbox |

</details>

<details><summary>- Removals (1) <code>member.remove</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| hannah.scott@acme-robotics.example | remove: no file transfer _(recoverable)_ | invited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn |

</details>

<details><summary>+ Recoveries (1) <code>member.recover</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| felix.wagner@acme-robotics.example | recover the removed account | Okta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable |

</details>

<details><summary>+ Groups to create (1) <code>group.create</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| dbx-Legal | create: company managed, for Okta group 00gYgTENdPCJRe8oemgn | Okta group dbx-Legal matches groupPushes pattern "^dbx-" (groups.yaml:4:5); no Dropbox group carries its external id |

</details>

<details><summary>~ Group renames and adoptions (2) <code>group.rename</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| dbx-Brand | rename "dbx-Brand" → "dbx-Marketing" | Okta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id |
| Sales Team | adopt: mark as managed (external id okta:00gXf1hGSxcEq7SNnti6) | Okta group Sales is pushed as "Sales Team" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted |

</details>

<details><summary>+ Group Engineering: 2 members to add <code>group.members.add</code></summary>

Why: members of Okta group Engineering not in the Dropbox group

- nina.patel@acme-robotics.example
- priya.raman@acme-robotics.example

</details>

<details><summary>+ Group dbx-Legal: 3 members to add <code>group.members.add</code></summary>

Why: members of Okta group dbx-Legal

- omar.haddad@acme-robotics.example
- rachel.green@acme-robotics.example
- laura.kim@acme-robotics.example

</details>

<details><summary>- Group Engineering: 1 member to remove <code>group.members.remove</code></summary>

Why: no longer members of Okta group Engineering

- ben.ortiz@acme-robotics.example

</details>

<details><summary>Waiting (3): not changes</summary>

| State | Person | Since | Note |
| --- | --- | --- | --- |
| pending invite | lena.fischer@acme-robotics.example | 12 days, since 2026-11-16 | invited to the Dropbox team, has not joined yet |
| awaiting activation | oliver.brandt@acme-robotics.example | 2 days, since 2026-11-25 | Okta status STAGED: added once activated |
| grace period | derek.olsen@acme-robotics.example | 5 days, since 2026-11-23; removal due 2026-11-30 | deactivated in Okta; suspended, to be removed after the grace period (graceDays 7) |

</details>

<details><summary>Reports (3): left alone</summary>

| Kind | Person | Note |
| --- | --- | --- |
| ambiguous match | j.doe@acme-robotics.example | two Okta users match by email (00uA1 john.doe@acme-robotics.example, 00uB2 jane.doe@acme-robotics.example with secondEmail j.doe@acme-robotics.example); left alone |
| protected member | breakglass@acme-robotics.example | protected member (settings.yaml:12:22): no rule gives team\\_admin, the role is kept |
| unmanaged member | freelance.designer@acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |

</details>

### Warnings (2)

- \`groups.yaml:6:5\` Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration \`group_push_assigns_app\`
- \`settings.yaml:21:7\` safety exception "Closing the Lyon office (TICKET-123)" expires on 2026-12-31 \`exception_expires_soon\`

<sub>Fingerprint \`sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > mixed, emails redacted 1`] = `
**Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.** 2 irreversible changes · 4 admin role changes · 3 waiting · 3 reports · 2 warnings

### Irreversible changes (2)

| Who | Change | Reason |
| --- | --- | --- |
| user-8647435a@redacted | \`-\` remove: files to user-b26b6fbc@redacted (else user-2258e2eb@redacted; transfer errors to user-1979c86b@redacted), wipe linked devices | Okta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager user-b26b6fbc@redacted (Okta managerId) |
| group "dbx-Events" | \`-\` delete | created by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1) |

### Admin roles (4)

| Person | Change | Reason |
| --- | --- | --- |
| user-8c907143@redacted | \`~\` role member\\_only → team\\_admin (promotion) | roles.yaml:4:13 gives team\\_admin to users: \\[user-8c907143@redacted\\]; Dropbox role is member\\_only |
| user-09456301@redacted | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin); Dropbox role is member\\_only |
| user-9e78e209@redacted | \`~\` role user\\_management\\_admin → member\\_only (demotion) | no longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member\\_only |
| user-b09e2cc1@redacted | \`+\` add: Omar Haddad, role user\\_management\\_admin, no welcome email | assigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user\\_management\\_admin); not in Dropbox |

<details><summary>+ Members to add (1) <code>member.add</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| user-03f5846c@redacted | add: Nina Patel, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox |

</details>

<details><summary>~ Profile updates (2) <code>member.update_profile</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| user-7d681c81@redacted | update profile: email user-7d681c81@redacted → user-84a6df7f@redacted, surname "Lee" → "Lee-Smith" | Okta profile changed: email is now user-84a6df7f@redacted, lastName Lee-Smith (provisioning.profile) |
| user-4a76e852@redacted | update profile: external id (none) → 00ucXhH9LJS1SIQBUNZ6 | Dropbox member matched Okta user by email with an empty external id: adopted |

</details>

<details><summary>! Suspensions (2) <code>member.suspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| user-ff8df003@redacted | suspend, data kept | Okta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| user-b2151273@redacted | suspend, data kept | Okta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |

</details>

<details><summary>~ Unsuspensions (1) <code>member.unsuspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| user-2f63943c@redacted | unsuspend: previous access restored | Okta status ACTIVE again since 2026-11-27; suspended in Dropbox |

</details>

<details><summary>- Removals (1) <code>member.remove</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| user-9f288e50@redacted | remove: no file transfer _(recoverable)_ | invited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn |

</details>

<details><summary>+ Recoveries (1) <code>member.recover</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| user-68f1934b@redacted | recover the removed account | Okta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable |

</details>

<details><summary>+ Groups to create (1) <code>group.create</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| dbx-Legal | create: company managed, for Okta group 00gYgTENdPCJRe8oemgn | Okta group dbx-Legal matches groupPushes pattern "^dbx-" (groups.yaml:4:5); no Dropbox group carries its external id |

</details>

<details><summary>~ Group renames and adoptions (2) <code>group.rename</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| dbx-Brand | rename "dbx-Brand" → "dbx-Marketing" | Okta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id |
| Sales Team | adopt: mark as managed (external id okta:00gXf1hGSxcEq7SNnti6) | Okta group Sales is pushed as "Sales Team" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted |

</details>

<details><summary>+ Group Engineering: 2 members to add <code>group.members.add</code></summary>

Why: members of Okta group Engineering not in the Dropbox group

- user-03f5846c@redacted
- user-09456301@redacted

</details>

<details><summary>+ Group dbx-Legal: 3 members to add <code>group.members.add</code></summary>

Why: members of Okta group dbx-Legal

- user-b09e2cc1@redacted
- user-b2151273@redacted
- user-b26b6fbc@redacted

</details>

<details><summary>- Group Engineering: 1 member to remove <code>group.members.remove</code></summary>

Why: no longer members of Okta group Engineering

- user-9bd3c6a5@redacted

</details>

<details><summary>Waiting (3): not changes</summary>

| State | Person | Since | Note |
| --- | --- | --- | --- |
| pending invite | user-14d6e945@redacted | 12 days, since 2026-11-16 | invited to the Dropbox team, has not joined yet |
| awaiting activation | user-79633514@redacted | 2 days, since 2026-11-25 | Okta status STAGED: added once activated |
| grace period | user-127bf1c5@redacted | 5 days, since 2026-11-23; removal due 2026-11-30 | deactivated in Okta; suspended, to be removed after the grace period (graceDays 7) |

</details>

<details><summary>Reports (3): left alone</summary>

| Kind | Person | Note |
| --- | --- | --- |
| ambiguous match | user-792b7e73@redacted | two Okta users match by email (00uA1 user-cd2926d4@redacted, 00uB2 user-485c30d1@redacted with secondEmail user-792b7e73@redacted); left alone |
| protected member | user-69f20e22@redacted | protected member (settings.yaml:12:22): no rule gives team\\_admin, the role is kept |
| unmanaged member | user-de8a3aed@redacted | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |

</details>

### Warnings (2)

- \`groups.yaml:6:5\` Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration \`group_push_assigns_app\`
- \`settings.yaml:21:7\` safety exception "Closing the Lyon office (TICKET-123)" expires on 2026-12-31 \`exception_expires_soon\`

<sub>Fingerprint \`sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > mixed, without head SHA or run link 1`] = `
**Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.** 2 irreversible changes · 4 admin role changes · 3 waiting · 3 reports · 2 warnings

### Irreversible changes (2)

| Who | Change | Reason |
| --- | --- | --- |
| mark.chen@acme-robotics.example | \`-\` remove: files to laura.kim@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager laura.kim@acme-robotics.example (Okta managerId) |
| group "dbx-Events" | \`-\` delete | created by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1) |

### Admin roles (4)

| Person | Change | Reason |
| --- | --- | --- |
| cto@acme-robotics.example | \`~\` role member\\_only → team\\_admin (promotion) | roles.yaml:4:13 gives team\\_admin to users: \\[cto@acme-robotics.example\\]; Dropbox role is member\\_only |
| priya.raman@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin); Dropbox role is member\\_only |
| tom.becker@acme-robotics.example | \`~\` role user\\_management\\_admin → member\\_only (demotion) | no longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member\\_only |
| omar.haddad@acme-robotics.example | \`+\` add: Omar Haddad, role user\\_management\\_admin, no welcome email | assigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user\\_management\\_admin); not in Dropbox |

<details><summary>+ Members to add (1) <code>member.add</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| nina.patel@acme-robotics.example | add: Nina Patel, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox |

</details>

<details><summary>~ Profile updates (2) <code>member.update_profile</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| jordan.lee@acme-robotics.example | update profile: email jordan.lee@acme-robotics.example → jordan.lee-smith@acme-robotics.example, surname "Lee" → "Lee-Smith" | Okta profile changed: email is now jordan.lee-smith@acme-robotics.example, lastName Lee-Smith (provisioning.profile) |
| aiko.tanaka@acme-robotics.example | update profile: external id (none) → 00ucXhH9LJS1SIQBUNZ6 | Dropbox member matched Okta user by email with an empty external id: adopted |

</details>

<details><summary>! Suspensions (2) <code>member.suspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| sam.okafor@acme-robotics.example | suspend, data kept | Okta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| rachel.green@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |

</details>

<details><summary>~ Unsuspensions (1) <code>member.unsuspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| elena.rossi@acme-robotics.example | unsuspend: previous access restored | Okta status ACTIVE again since 2026-11-27; suspended in Dropbox |

</details>

<details><summary>- Removals (1) <code>member.remove</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| hannah.scott@acme-robotics.example | remove: no file transfer _(recoverable)_ | invited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn |

</details>

<details><summary>+ Recoveries (1) <code>member.recover</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| felix.wagner@acme-robotics.example | recover the removed account | Okta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable |

</details>

<details><summary>+ Groups to create (1) <code>group.create</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| dbx-Legal | create: company managed, for Okta group 00gYgTENdPCJRe8oemgn | Okta group dbx-Legal matches groupPushes pattern "^dbx-" (groups.yaml:4:5); no Dropbox group carries its external id |

</details>

<details><summary>~ Group renames and adoptions (2) <code>group.rename</code></summary>

| Group | Change | Reason |
| --- | --- | --- |
| dbx-Brand | rename "dbx-Brand" → "dbx-Marketing" | Okta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id |
| Sales Team | adopt: mark as managed (external id okta:00gXf1hGSxcEq7SNnti6) | Okta group Sales is pushed as "Sales Team" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted |

</details>

<details><summary>+ Group Engineering: 2 members to add <code>group.members.add</code></summary>

Why: members of Okta group Engineering not in the Dropbox group

- nina.patel@acme-robotics.example
- priya.raman@acme-robotics.example

</details>

<details><summary>+ Group dbx-Legal: 3 members to add <code>group.members.add</code></summary>

Why: members of Okta group dbx-Legal

- omar.haddad@acme-robotics.example
- rachel.green@acme-robotics.example
- laura.kim@acme-robotics.example

</details>

<details><summary>- Group Engineering: 1 member to remove <code>group.members.remove</code></summary>

Why: no longer members of Okta group Engineering

- ben.ortiz@acme-robotics.example

</details>

<details><summary>Waiting (3): not changes</summary>

| State | Person | Since | Note |
| --- | --- | --- | --- |
| pending invite | lena.fischer@acme-robotics.example | 12 days, since 2026-11-16 | invited to the Dropbox team, has not joined yet |
| awaiting activation | oliver.brandt@acme-robotics.example | 2 days, since 2026-11-25 | Okta status STAGED: added once activated |
| grace period | derek.olsen@acme-robotics.example | 5 days, since 2026-11-23; removal due 2026-11-30 | deactivated in Okta; suspended, to be removed after the grace period (graceDays 7) |

</details>

<details><summary>Reports (3): left alone</summary>

| Kind | Person | Note |
| --- | --- | --- |
| ambiguous match | j.doe@acme-robotics.example | two Okta users match by email (00uA1 john.doe@acme-robotics.example, 00uB2 jane.doe@acme-robotics.example with secondEmail j.doe@acme-robotics.example); left alone |
| protected member | breakglass@acme-robotics.example | protected member (settings.yaml:12:22): no rule gives team\\_admin, the role is kept |
| unmanaged member | freelance.designer@acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |

</details>

### Warnings (2)

- \`groups.yaml:6:5\` Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration \`group_push_assigns_app\`
- \`settings.yaml:21:7\` safety exception "Closing the Lyon office (TICKET-123)" expires on 2026-12-31 \`exception_expires_soon\`

<sub>Fingerprint \`sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c\` · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > offboarding variants 1`] = `
**Plan: 0 to add, 2 to change, 1 to suspend, 2 to remove.** 2 irreversible changes · 1 admin role change

### Irreversible changes (2)

| Who | Change | Reason |
| --- | --- | --- |
| paul.martin@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example) | Okta status DEPROVISIONED since 2026-11-26; transferTo: it-archive@acme-robotics.example (offboarding.yaml:7:17) |
| mia.chen@acme-robotics.example | \`~\` move the files left in the removed account: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example) | Mia Chen &lt;mia.chen@acme-robotics.example&gt; was removed from Dropbox with the files still in the account (Dropbox can still recover it, which it cannot once the files were transferred); DEPROVISIONED in Okta since 2026-11-25 (offboarding.yaml:5 onDeactivated: remove); files to fallback (offboarding.yaml:5 fallbackTransferTo) |

### Admin roles (1)

| Person | Change | Reason |
| --- | --- | --- |
| breakglass@acme-robotics.example | \`~\` role support\\_admin → team\\_admin (promotion) | users: rule in roles.yaml:3:13 gives team\\_admin; Dropbox role is support\\_admin (a protected member may be promoted, never demoted) |

<details><summary>! Suspensions (1) <code>member.suspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| derek.olsen@acme-robotics.example | suspend and wipe linked devices; removed after 2026-12-05 (grace period) | Okta status DEPROVISIONED since 2026-11-28 (offboarding.yaml:5:3 onDeactivated: remove, graceDays 7) |

</details>

<details><summary>- Removals (1) <code>member.remove</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| yuki.sato@acme-robotics.example | remove: no file transfer, kept as a Basic account, team shares kept _(recoverable)_ | Okta status DEPROVISIONED since 2026-11-20; grace period of 7 days over on 2026-11-27 |

</details>

<sub>Fingerprint \`sha256:1885c390d7fc0cbd953a78021a6b68c402766e324656ee9a30ea78b1f5d1d6f8\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > oversized 1`] = `
**Plan: 8,000 to add, 512 to change, 200 to suspend, 40 to remove.** 40 irreversible changes · 12 admin role changes · 260 waiting · 150 reports

_This comment is shortened to fit GitHub's size limit: each cut section says what it leaves out; the full plan is in the plan.json artifact._

### Irreversible changes (40)

| Who | Change | Reason |
| --- | --- | --- |
| ada.mercier14@acme-robotics.example | \`-\` remove: files to ada.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager ada.bernard@acme-robotics.example |
| bruno.mercier14@acme-robotics.example | \`-\` remove: files to bruno.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager bruno.bernard@acme-robotics.example |
| chloe.mercier14@acme-robotics.example | \`-\` remove: files to chloe.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager chloe.bernard@acme-robotics.example |
| dmitri.mercier14@acme-robotics.example | \`-\` remove: files to dmitri.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager dmitri.bernard@acme-robotics.example |
| esra.mercier14@acme-robotics.example | \`-\` remove: files to esra.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager esra.bernard@acme-robotics.example |
| farid.mercier14@acme-robotics.example | \`-\` remove: files to farid.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager farid.bernard@acme-robotics.example |
| greta.mercier14@acme-robotics.example | \`-\` remove: files to greta.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager greta.bernard@acme-robotics.example |
| hugo.mercier14@acme-robotics.example | \`-\` remove: files to hugo.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager hugo.bernard@acme-robotics.example |
| ines.mercier14@acme-robotics.example | \`-\` remove: files to ines.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager ines.bernard@acme-robotics.example |
| jonas.mercier14@acme-robotics.example | \`-\` remove: files to jonas.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager jonas.bernard@acme-robotics.example |
| kemal.mercier14@acme-robotics.example | \`-\` remove: files to kemal.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager kemal.bernard@acme-robotics.example |
| lucia.mercier14@acme-robotics.example | \`-\` remove: files to lucia.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager lucia.bernard@acme-robotics.example |
| mateo.mercier14@acme-robotics.example | \`-\` remove: files to mateo.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager mateo.bernard@acme-robotics.example |
| noor.mercier14@acme-robotics.example | \`-\` remove: files to noor.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager noor.bernard@acme-robotics.example |
| oskar.mercier14@acme-robotics.example | \`-\` remove: files to oskar.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager oskar.bernard@acme-robotics.example |
| paula.mercier14@acme-robotics.example | \`-\` remove: files to paula.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager paula.bernard@acme-robotics.example |
| quentin.mercier14@acme-robotics.example | \`-\` remove: files to quentin.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager quentin.bernard@acme-robotics.example |
| rosa.mercier14@acme-robotics.example | \`-\` remove: files to rosa.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager rosa.bernard@acme-robotics.example |
| sven.mercier14@acme-robotics.example | \`-\` remove: files to sven.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager sven.bernard@acme-robotics.example |
| tariq.mercier14@acme-robotics.example | \`-\` remove: files to tariq.bernard@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager tariq.bernard@acme-robotics.example |
| ada.moulin14@acme-robotics.example | \`-\` remove: files to ada.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager ada.dubois@acme-robotics.example |
| bruno.moulin14@acme-robotics.example | \`-\` remove: files to bruno.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager bruno.dubois@acme-robotics.example |
| chloe.moulin14@acme-robotics.example | \`-\` remove: files to chloe.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager chloe.dubois@acme-robotics.example |
| dmitri.moulin14@acme-robotics.example | \`-\` remove: files to dmitri.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager dmitri.dubois@acme-robotics.example |
| esra.moulin14@acme-robotics.example | \`-\` remove: files to esra.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager esra.dubois@acme-robotics.example |
| farid.moulin14@acme-robotics.example | \`-\` remove: files to farid.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager farid.dubois@acme-robotics.example |
| greta.moulin14@acme-robotics.example | \`-\` remove: files to greta.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager greta.dubois@acme-robotics.example |
| hugo.moulin14@acme-robotics.example | \`-\` remove: files to hugo.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager hugo.dubois@acme-robotics.example |
| ines.moulin14@acme-robotics.example | \`-\` remove: files to ines.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager ines.dubois@acme-robotics.example |
| jonas.moulin14@acme-robotics.example | \`-\` remove: files to jonas.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager jonas.dubois@acme-robotics.example |
| kemal.moulin14@acme-robotics.example | \`-\` remove: files to kemal.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager kemal.dubois@acme-robotics.example |
| lucia.moulin14@acme-robotics.example | \`-\` remove: files to lucia.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager lucia.dubois@acme-robotics.example |
| mateo.moulin14@acme-robotics.example | \`-\` remove: files to mateo.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager mateo.dubois@acme-robotics.example |
| noor.moulin14@acme-robotics.example | \`-\` remove: files to noor.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager noor.dubois@acme-robotics.example |
| oskar.moulin14@acme-robotics.example | \`-\` remove: files to oskar.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager oskar.dubois@acme-robotics.example |
| paula.moulin14@acme-robotics.example | \`-\` remove: files to paula.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager paula.dubois@acme-robotics.example |
| quentin.moulin14@acme-robotics.example | \`-\` remove: files to quentin.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager quentin.dubois@acme-robotics.example |
| rosa.moulin14@acme-robotics.example | \`-\` remove: files to rosa.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager rosa.dubois@acme-robotics.example |
| sven.moulin14@acme-robotics.example | \`-\` remove: files to sven.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager sven.dubois@acme-robotics.example |
| tariq.moulin14@acme-robotics.example | \`-\` remove: files to tariq.dubois@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED (offboarding.yaml:5:3 onDeactivated: remove); files to the manager tariq.dubois@acme-robotics.example |

### Admin roles (12)

| Person | Change | Reason |
| --- | --- | --- |
| ada.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| bruno.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| chloe.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| dmitri.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| esra.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| farid.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| greta.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| hugo.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| ines.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| jonas.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| kemal.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |
| lucia.schmidt17@acme-robotics.example | \`~\` role member\\_only → support\\_admin (promotion) | member of Okta group IT Helpdesk (roles.yaml:9:17 gives support\\_admin) |

<details><summary>+ Members to add (4,000) <code>member.add</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| ada.bernard@acme-robotics.example | add: Ada Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| bruno.bernard@acme-robotics.example | add: Bruno Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| chloe.bernard@acme-robotics.example | add: Chloé Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| dmitri.bernard@acme-robotics.example | add: Dmitri Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| esra.bernard@acme-robotics.example | add: Esra Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| farid.bernard@acme-robotics.example | add: Farid Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| greta.bernard@acme-robotics.example | add: Greta Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| hugo.bernard@acme-robotics.example | add: Hugo Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| ines.bernard@acme-robotics.example | add: Ines Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| jonas.bernard@acme-robotics.example | add: Jonas Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| kemal.bernard@acme-robotics.example | add: Kemal Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| lucia.bernard@acme-robotics.example | add: Lucía Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| mateo.bernard@acme-robotics.example | add: Mateo Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| noor.bernard@acme-robotics.example | add: Noor Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| oskar.bernard@acme-robotics.example | add: Oskar Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| paula.bernard@acme-robotics.example | add: Paula Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| quentin.bernard@acme-robotics.example | add: Quentin Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| rosa.bernard@acme-robotics.example | add: Rosa Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| sven.bernard@acme-robotics.example | add: Sven Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| tariq.bernard@acme-robotics.example | add: Tariq Bernard, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| ada.dubois@acme-robotics.example | add: Ada Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| bruno.dubois@acme-robotics.example | add: Bruno Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| chloe.dubois@acme-robotics.example | add: Chloé Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| dmitri.dubois@acme-robotics.example | add: Dmitri Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| esra.dubois@acme-robotics.example | add: Esra Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| farid.dubois@acme-robotics.example | add: Farid Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |
| greta.dubois@acme-robotics.example | add: Greta Dubois, role member\\_only, no welcome email | assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox |

… 3,973 more member.add actions not shown; the full plan is in the plan.json artifact

</details>

<details><summary>~ Profile updates (500) <code>member.update_profile</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| ada.fontaine15@acme-robotics.example | update profile: email ada.fontaine15@acme.example → ada.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| bruno.fontaine15@acme-robotics.example | update profile: email bruno.fontaine15@acme.example → bruno.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| chloe.fontaine15@acme-robotics.example | update profile: email chloe.fontaine15@acme.example → chloe.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| dmitri.fontaine15@acme-robotics.example | update profile: email dmitri.fontaine15@acme.example → dmitri.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| esra.fontaine15@acme-robotics.example | update profile: email esra.fontaine15@acme.example → esra.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| farid.fontaine15@acme-robotics.example | update profile: email farid.fontaine15@acme.example → farid.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| greta.fontaine15@acme-robotics.example | update profile: email greta.fontaine15@acme.example → greta.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| hugo.fontaine15@acme-robotics.example | update profile: email hugo.fontaine15@acme.example → hugo.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| ines.fontaine15@acme-robotics.example | update profile: email ines.fontaine15@acme.example → ines.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| jonas.fontaine15@acme-robotics.example | update profile: email jonas.fontaine15@acme.example → jonas.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| kemal.fontaine15@acme-robotics.example | update profile: email kemal.fontaine15@acme.example → kemal.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| lucia.fontaine15@acme-robotics.example | update profile: email lucia.fontaine15@acme.example → lucia.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| mateo.fontaine15@acme-robotics.example | update profile: email mateo.fontaine15@acme.example → mateo.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| noor.fontaine15@acme-robotics.example | update profile: email noor.fontaine15@acme.example → noor.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| oskar.fontaine15@acme-robotics.example | update profile: email oskar.fontaine15@acme.example → oskar.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| paula.fontaine15@acme-robotics.example | update profile: email paula.fontaine15@acme.example → paula.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| quentin.fontaine15@acme-robotics.example | update profile: email quentin.fontaine15@acme.example → quentin.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| rosa.fontaine15@acme-robotics.example | update profile: email rosa.fontaine15@acme.example → rosa.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| sven.fontaine15@acme-robotics.example | update profile: email sven.fontaine15@acme.example → sven.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| tariq.fontaine15@acme-robotics.example | update profile: email tariq.fontaine15@acme.example → tariq.fontaine15@acme-robotics.example | Okta email domain migrated from acme.example |
| ada.garnier15@acme-robotics.example | update profile: email ada.garnier15@acme.example → ada.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| bruno.garnier15@acme-robotics.example | update profile: email bruno.garnier15@acme.example → bruno.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| chloe.garnier15@acme-robotics.example | update profile: email chloe.garnier15@acme.example → chloe.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| dmitri.garnier15@acme-robotics.example | update profile: email dmitri.garnier15@acme.example → dmitri.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| esra.garnier15@acme-robotics.example | update profile: email esra.garnier15@acme.example → esra.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| farid.garnier15@acme-robotics.example | update profile: email farid.garnier15@acme.example → farid.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| greta.garnier15@acme-robotics.example | update profile: email greta.garnier15@acme.example → greta.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |
| hugo.garnier15@acme-robotics.example | update profile: email hugo.garnier15@acme.example → hugo.garnier15@acme-robotics.example | Okta email domain migrated from acme.example |

… 472 more member.update_profile actions not shown; the full plan is in the plan.json artifact

</details>

<details><summary>! Suspensions (200) <code>member.suspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| ada.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| bruno.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| chloe.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| dmitri.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| esra.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| farid.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| greta.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| hugo.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| ines.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| jonas.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| kemal.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| lucia.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| mateo.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| noor.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| oskar.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| paula.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| quentin.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| rosa.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| sven.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| tariq.perrin14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| ada.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| bruno.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| chloe.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| dmitri.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| esra.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| farid.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| greta.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| hugo.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| ines.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| jonas.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| kemal.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| lucia.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| mateo.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| noor.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |
| oskar.renaud14@acme-robotics.example | suspend, data kept | Okta status SUSPENDED (offboarding.yaml:2:3 onSuspended: suspend, wipeData false) |

… 165 more member.suspend actions not shown; the full plan is in the plan.json artifact

</details>

<details><summary>+ Group Engineering: 1,000 members to add <code>group.members.add</code></summary>

Why: members of Okta group Engineering not in the Dropbox group

- ada.bernard@acme-robotics.example
- esra.bernard@acme-robotics.example
- ines.bernard@acme-robotics.example
- mateo.bernard@acme-robotics.example
- quentin.bernard@acme-robotics.example
- ada.dubois@acme-robotics.example
- esra.dubois@acme-robotics.example
- ines.dubois@acme-robotics.example
- mateo.dubois@acme-robotics.example
- quentin.dubois@acme-robotics.example
- ada.fontaine@acme-robotics.example
- esra.fontaine@acme-robotics.example
- ines.fontaine@acme-robotics.example
- mateo.fontaine@acme-robotics.example
- quentin.fontaine@acme-robotics.example
- ada.garnier@acme-robotics.example
- esra.garnier@acme-robotics.example
- ines.garnier@acme-robotics.example
- mateo.garnier@acme-robotics.example
- quentin.garnier@acme-robotics.example
- ada.lambert@acme-robotics.example
- esra.lambert@acme-robotics.example
- ines.lambert@acme-robotics.example
- mateo.lambert@acme-robotics.example
- quentin.lambert@acme-robotics.example
- ada.mercier@acme-robotics.example
- esra.mercier@acme-robotics.example
- ines.mercier@acme-robotics.example
- mateo.mercier@acme-robotics.example
- quentin.mercier@acme-robotics.example
- ada.moulin@acme-robotics.example
- esra.moulin@acme-robotics.example
- ines.moulin@acme-robotics.example
- mateo.moulin@acme-robotics.example
- quentin.moulin@acme-robotics.example
- ada.perrin@acme-robotics.example
- esra.perrin@acme-robotics.example
- ines.perrin@acme-robotics.example
- mateo.perrin@acme-robotics.example
- quentin.perrin@acme-robotics.example
- ada.renaud@acme-robotics.example
- esra.renaud@acme-robotics.example
- ines.renaud@acme-robotics.example
- mateo.renaud@acme-robotics.example
- quentin.renaud@acme-robotics.example
- ada.vidal@acme-robotics.example
- esra.vidal@acme-robotics.example
- ines.vidal@acme-robotics.example
- mateo.vidal@acme-robotics.example
- quentin.vidal@acme-robotics.example
- ada.schmidt@acme-robotics.example
- esra.schmidt@acme-robotics.example
- ines.schmidt@acme-robotics.example
- mateo.schmidt@acme-robotics.example
- quentin.schmidt@acme-robotics.example
- ada.novak@acme-robotics.example
- esra.novak@acme-robotics.example
- ines.novak@acme-robotics.example
- mateo.novak@acme-robotics.example
- quentin.novak@acme-robotics.example
- ada.ahmed@acme-robotics.example
- esra.ahmed@acme-robotics.example
- ines.ahmed@acme-robotics.example
- mateo.ahmed@acme-robotics.example
- quentin.ahmed@acme-robotics.example
- ada.costa@acme-robotics.example
- esra.costa@acme-robotics.example
- ines.costa@acme-robotics.example
- mateo.costa@acme-robotics.example
- quentin.costa@acme-robotics.example
- ada.ivanova@acme-robotics.example
- esra.ivanova@acme-robotics.example
- ines.ivanova@acme-robotics.example
- mateo.ivanova@acme-robotics.example
- quentin.ivanova@acme-robotics.example
- ada.bernard2@acme-robotics.example
- esra.bernard2@acme-robotics.example
- ines.bernard2@acme-robotics.example
- mateo.bernard2@acme-robotics.example
- quentin.bernard2@acme-robotics.example
- ada.dubois2@acme-robotics.example
- esra.dubois2@acme-robotics.example
- ines.dubois2@acme-robotics.example
- mateo.dubois2@acme-robotics.example
- quentin.dubois2@acme-robotics.example
- ada.fontaine2@acme-robotics.example
- esra.fontaine2@acme-robotics.example
- ines.fontaine2@acme-robotics.example
- mateo.fontaine2@acme-robotics.example
- quentin.fontaine2@acme-robotics.example
- ada.garnier2@acme-robotics.example
- esra.garnier2@acme-robotics.example
- ines.garnier2@acme-robotics.example
- mateo.garnier2@acme-robotics.example
- quentin.garnier2@acme-robotics.example
- ada.lambert2@acme-robotics.example
- esra.lambert2@acme-robotics.example
- ines.lambert2@acme-robotics.example
- mateo.lambert2@acme-robotics.example
- quentin.lambert2@acme-robotics.example
- ada.mercier2@acme-robotics.example
- esra.mercier2@acme-robotics.example
- ines.mercier2@acme-robotics.example
- mateo.mercier2@acme-robotics.example
- quentin.mercier2@acme-robotics.example
- ada.moulin2@acme-robotics.example
- esra.moulin2@acme-robotics.example
- ines.moulin2@acme-robotics.example
- mateo.moulin2@acme-robotics.example
- quentin.moulin2@acme-robotics.example
- ada.perrin2@acme-robotics.example
- esra.perrin2@acme-robotics.example
- ines.perrin2@acme-robotics.example
- mateo.perrin2@acme-robotics.example
- quentin.perrin2@acme-robotics.example
- ada.renaud2@acme-robotics.example
- esra.renaud2@acme-robotics.example
- ines.renaud2@acme-robotics.example
- mateo.renaud2@acme-robotics.example
- quentin.renaud2@acme-robotics.example
- ada.vidal2@acme-robotics.example
- esra.vidal2@acme-robotics.example
- ines.vidal2@acme-robotics.example
- mateo.vidal2@acme-robotics.example
- quentin.vidal2@acme-robotics.example
- ada.schmidt2@acme-robotics.example
- esra.schmidt2@acme-robotics.example
- ines.schmidt2@acme-robotics.example
- mateo.schmidt2@acme-robotics.example
- quentin.schmidt2@acme-robotics.example
- ada.novak2@acme-robotics.example
- esra.novak2@acme-robotics.example
- ines.novak2@acme-robotics.example
- mateo.novak2@acme-robotics.example
- quentin.novak2@acme-robotics.example
- ada.ahmed2@acme-robotics.example
- esra.ahmed2@acme-robotics.example
- ines.ahmed2@acme-robotics.example

… 862 more group.members.add memberships of Engineering not shown; the full plan is in the plan.json artifact

</details>

<details><summary>+ Group Sales Team: 1,000 members to add <code>group.members.add</code></summary>

Why: members of Okta group Sales Team not in the Dropbox group

- bruno.bernard@acme-robotics.example
- farid.bernard@acme-robotics.example
- jonas.bernard@acme-robotics.example
- noor.bernard@acme-robotics.example
- rosa.bernard@acme-robotics.example
- bruno.dubois@acme-robotics.example
- farid.dubois@acme-robotics.example
- jonas.dubois@acme-robotics.example
- noor.dubois@acme-robotics.example
- rosa.dubois@acme-robotics.example
- bruno.fontaine@acme-robotics.example
- farid.fontaine@acme-robotics.example
- jonas.fontaine@acme-robotics.example
- noor.fontaine@acme-robotics.example
- rosa.fontaine@acme-robotics.example
- bruno.garnier@acme-robotics.example
- farid.garnier@acme-robotics.example
- jonas.garnier@acme-robotics.example
- noor.garnier@acme-robotics.example
- rosa.garnier@acme-robotics.example
- bruno.lambert@acme-robotics.example
- farid.lambert@acme-robotics.example
- jonas.lambert@acme-robotics.example
- noor.lambert@acme-robotics.example
- rosa.lambert@acme-robotics.example
- bruno.mercier@acme-robotics.example
- farid.mercier@acme-robotics.example
- jonas.mercier@acme-robotics.example
- noor.mercier@acme-robotics.example
- rosa.mercier@acme-robotics.example
- bruno.moulin@acme-robotics.example
- farid.moulin@acme-robotics.example
- jonas.moulin@acme-robotics.example
- noor.moulin@acme-robotics.example
- rosa.moulin@acme-robotics.example
- bruno.perrin@acme-robotics.example
- farid.perrin@acme-robotics.example
- jonas.perrin@acme-robotics.example
- noor.perrin@acme-robotics.example
- rosa.perrin@acme-robotics.example
- bruno.renaud@acme-robotics.example
- farid.renaud@acme-robotics.example
- jonas.renaud@acme-robotics.example
- noor.renaud@acme-robotics.example
- rosa.renaud@acme-robotics.example
- bruno.vidal@acme-robotics.example
- farid.vidal@acme-robotics.example
- jonas.vidal@acme-robotics.example
- noor.vidal@acme-robotics.example
- rosa.vidal@acme-robotics.example
- bruno.schmidt@acme-robotics.example
- farid.schmidt@acme-robotics.example
- jonas.schmidt@acme-robotics.example
- noor.schmidt@acme-robotics.example
- rosa.schmidt@acme-robotics.example
- bruno.novak@acme-robotics.example
- farid.novak@acme-robotics.example
- jonas.novak@acme-robotics.example
- noor.novak@acme-robotics.example
- rosa.novak@acme-robotics.example
- bruno.ahmed@acme-robotics.example
- farid.ahmed@acme-robotics.example
- jonas.ahmed@acme-robotics.example
- noor.ahmed@acme-robotics.example
- rosa.ahmed@acme-robotics.example
- bruno.costa@acme-robotics.example
- farid.costa@acme-robotics.example
- jonas.costa@acme-robotics.example
- noor.costa@acme-robotics.example
- rosa.costa@acme-robotics.example
- bruno.ivanova@acme-robotics.example
- farid.ivanova@acme-robotics.example
- jonas.ivanova@acme-robotics.example
- noor.ivanova@acme-robotics.example
- rosa.ivanova@acme-robotics.example
- bruno.bernard2@acme-robotics.example
- farid.bernard2@acme-robotics.example
- jonas.bernard2@acme-robotics.example
- noor.bernard2@acme-robotics.example
- rosa.bernard2@acme-robotics.example
- bruno.dubois2@acme-robotics.example
- farid.dubois2@acme-robotics.example
- jonas.dubois2@acme-robotics.example
- noor.dubois2@acme-robotics.example
- rosa.dubois2@acme-robotics.example
- bruno.fontaine2@acme-robotics.example
- farid.fontaine2@acme-robotics.example
- jonas.fontaine2@acme-robotics.example
- noor.fontaine2@acme-robotics.example
- rosa.fontaine2@acme-robotics.example
- bruno.garnier2@acme-robotics.example
- farid.garnier2@acme-robotics.example
- jonas.garnier2@acme-robotics.example
- noor.garnier2@acme-robotics.example
- rosa.garnier2@acme-robotics.example
- bruno.lambert2@acme-robotics.example
- farid.lambert2@acme-robotics.example
- jonas.lambert2@acme-robotics.example
- noor.lambert2@acme-robotics.example
- rosa.lambert2@acme-robotics.example
- bruno.mercier2@acme-robotics.example
- farid.mercier2@acme-robotics.example
- jonas.mercier2@acme-robotics.example
- noor.mercier2@acme-robotics.example
- rosa.mercier2@acme-robotics.example
- bruno.moulin2@acme-robotics.example
- farid.moulin2@acme-robotics.example
- jonas.moulin2@acme-robotics.example
- noor.moulin2@acme-robotics.example
- rosa.moulin2@acme-robotics.example
- bruno.perrin2@acme-robotics.example
- farid.perrin2@acme-robotics.example
- jonas.perrin2@acme-robotics.example
- noor.perrin2@acme-robotics.example
- rosa.perrin2@acme-robotics.example
- bruno.renaud2@acme-robotics.example
- farid.renaud2@acme-robotics.example
- jonas.renaud2@acme-robotics.example
- noor.renaud2@acme-robotics.example
- rosa.renaud2@acme-robotics.example
- bruno.vidal2@acme-robotics.example
- farid.vidal2@acme-robotics.example
- jonas.vidal2@acme-robotics.example
- noor.vidal2@acme-robotics.example
- rosa.vidal2@acme-robotics.example
- bruno.schmidt2@acme-robotics.example
- farid.schmidt2@acme-robotics.example
- jonas.schmidt2@acme-robotics.example
- noor.schmidt2@acme-robotics.example
- rosa.schmidt2@acme-robotics.example
- bruno.novak2@acme-robotics.example
- farid.novak2@acme-robotics.example
- jonas.novak2@acme-robotics.example
- noor.novak2@acme-robotics.example
- rosa.novak2@acme-robotics.example
- bruno.ahmed2@acme-robotics.example
- farid.ahmed2@acme-robotics.example
- jonas.ahmed2@acme-robotics.example

… 862 more group.members.add memberships of Sales Team not shown; the full plan is in the plan.json artifact

</details>

<details><summary>+ Group dbx-Finance: 1,000 members to add <code>group.members.add</code></summary>

Why: members of Okta group dbx-Finance not in the Dropbox group

- chloe.bernard@acme-robotics.example
- greta.bernard@acme-robotics.example
- kemal.bernard@acme-robotics.example
- oskar.bernard@acme-robotics.example
- sven.bernard@acme-robotics.example
- chloe.dubois@acme-robotics.example
- greta.dubois@acme-robotics.example
- kemal.dubois@acme-robotics.example
- oskar.dubois@acme-robotics.example
- sven.dubois@acme-robotics.example
- chloe.fontaine@acme-robotics.example
- greta.fontaine@acme-robotics.example
- kemal.fontaine@acme-robotics.example
- oskar.fontaine@acme-robotics.example
- sven.fontaine@acme-robotics.example
- chloe.garnier@acme-robotics.example
- greta.garnier@acme-robotics.example
- kemal.garnier@acme-robotics.example
- oskar.garnier@acme-robotics.example
- sven.garnier@acme-robotics.example
- chloe.lambert@acme-robotics.example
- greta.lambert@acme-robotics.example
- kemal.lambert@acme-robotics.example
- oskar.lambert@acme-robotics.example
- sven.lambert@acme-robotics.example
- chloe.mercier@acme-robotics.example
- greta.mercier@acme-robotics.example
- kemal.mercier@acme-robotics.example
- oskar.mercier@acme-robotics.example
- sven.mercier@acme-robotics.example
- chloe.moulin@acme-robotics.example
- greta.moulin@acme-robotics.example
- kemal.moulin@acme-robotics.example
- oskar.moulin@acme-robotics.example
- sven.moulin@acme-robotics.example
- chloe.perrin@acme-robotics.example
- greta.perrin@acme-robotics.example
- kemal.perrin@acme-robotics.example
- oskar.perrin@acme-robotics.example
- sven.perrin@acme-robotics.example
- chloe.renaud@acme-robotics.example
- greta.renaud@acme-robotics.example
- kemal.renaud@acme-robotics.example
- oskar.renaud@acme-robotics.example
- sven.renaud@acme-robotics.example
- chloe.vidal@acme-robotics.example
- greta.vidal@acme-robotics.example
- kemal.vidal@acme-robotics.example
- oskar.vidal@acme-robotics.example
- sven.vidal@acme-robotics.example
- chloe.schmidt@acme-robotics.example
- greta.schmidt@acme-robotics.example
- kemal.schmidt@acme-robotics.example
- oskar.schmidt@acme-robotics.example
- sven.schmidt@acme-robotics.example
- chloe.novak@acme-robotics.example
- greta.novak@acme-robotics.example
- kemal.novak@acme-robotics.example
- oskar.novak@acme-robotics.example
- sven.novak@acme-robotics.example
- chloe.ahmed@acme-robotics.example
- greta.ahmed@acme-robotics.example
- kemal.ahmed@acme-robotics.example
- oskar.ahmed@acme-robotics.example
- sven.ahmed@acme-robotics.example
- chloe.costa@acme-robotics.example
- greta.costa@acme-robotics.example
- kemal.costa@acme-robotics.example
- oskar.costa@acme-robotics.example
- sven.costa@acme-robotics.example
- chloe.ivanova@acme-robotics.example
- greta.ivanova@acme-robotics.example
- kemal.ivanova@acme-robotics.example
- oskar.ivanova@acme-robotics.example
- sven.ivanova@acme-robotics.example
- chloe.bernard2@acme-robotics.example
- greta.bernard2@acme-robotics.example
- kemal.bernard2@acme-robotics.example
- oskar.bernard2@acme-robotics.example
- sven.bernard2@acme-robotics.example
- chloe.dubois2@acme-robotics.example
- greta.dubois2@acme-robotics.example
- kemal.dubois2@acme-robotics.example
- oskar.dubois2@acme-robotics.example
- sven.dubois2@acme-robotics.example
- chloe.fontaine2@acme-robotics.example
- greta.fontaine2@acme-robotics.example
- kemal.fontaine2@acme-robotics.example
- oskar.fontaine2@acme-robotics.example
- sven.fontaine2@acme-robotics.example
- chloe.garnier2@acme-robotics.example
- greta.garnier2@acme-robotics.example
- kemal.garnier2@acme-robotics.example
- oskar.garnier2@acme-robotics.example
- sven.garnier2@acme-robotics.example
- chloe.lambert2@acme-robotics.example
- greta.lambert2@acme-robotics.example
- kemal.lambert2@acme-robotics.example
- oskar.lambert2@acme-robotics.example
- sven.lambert2@acme-robotics.example
- chloe.mercier2@acme-robotics.example
- greta.mercier2@acme-robotics.example
- kemal.mercier2@acme-robotics.example
- oskar.mercier2@acme-robotics.example
- sven.mercier2@acme-robotics.example
- chloe.moulin2@acme-robotics.example
- greta.moulin2@acme-robotics.example
- kemal.moulin2@acme-robotics.example
- oskar.moulin2@acme-robotics.example
- sven.moulin2@acme-robotics.example
- chloe.perrin2@acme-robotics.example
- greta.perrin2@acme-robotics.example
- kemal.perrin2@acme-robotics.example
- oskar.perrin2@acme-robotics.example
- sven.perrin2@acme-robotics.example
- chloe.renaud2@acme-robotics.example
- greta.renaud2@acme-robotics.example
- kemal.renaud2@acme-robotics.example
- oskar.renaud2@acme-robotics.example
- sven.renaud2@acme-robotics.example
- chloe.vidal2@acme-robotics.example
- greta.vidal2@acme-robotics.example
- kemal.vidal2@acme-robotics.example
- oskar.vidal2@acme-robotics.example
- sven.vidal2@acme-robotics.example
- chloe.schmidt2@acme-robotics.example
- greta.schmidt2@acme-robotics.example
- kemal.schmidt2@acme-robotics.example
- oskar.schmidt2@acme-robotics.example
- sven.schmidt2@acme-robotics.example
- chloe.novak2@acme-robotics.example
- greta.novak2@acme-robotics.example
- kemal.novak2@acme-robotics.example
- oskar.novak2@acme-robotics.example
- sven.novak2@acme-robotics.example
- chloe.ahmed2@acme-robotics.example
- greta.ahmed2@acme-robotics.example

… 863 more group.members.add memberships of dbx-Finance not shown; the full plan is in the plan.json artifact

</details>

<details><summary>+ Group dbx-Marketing: 1,000 members to add <code>group.members.add</code></summary>

Why: members of Okta group dbx-Marketing not in the Dropbox group

- dmitri.bernard@acme-robotics.example
- hugo.bernard@acme-robotics.example
- lucia.bernard@acme-robotics.example
- paula.bernard@acme-robotics.example
- tariq.bernard@acme-robotics.example
- dmitri.dubois@acme-robotics.example
- hugo.dubois@acme-robotics.example
- lucia.dubois@acme-robotics.example
- paula.dubois@acme-robotics.example
- tariq.dubois@acme-robotics.example
- dmitri.fontaine@acme-robotics.example
- hugo.fontaine@acme-robotics.example
- lucia.fontaine@acme-robotics.example
- paula.fontaine@acme-robotics.example
- tariq.fontaine@acme-robotics.example
- dmitri.garnier@acme-robotics.example
- hugo.garnier@acme-robotics.example
- lucia.garnier@acme-robotics.example
- paula.garnier@acme-robotics.example
- tariq.garnier@acme-robotics.example
- dmitri.lambert@acme-robotics.example
- hugo.lambert@acme-robotics.example
- lucia.lambert@acme-robotics.example
- paula.lambert@acme-robotics.example
- tariq.lambert@acme-robotics.example
- dmitri.mercier@acme-robotics.example
- hugo.mercier@acme-robotics.example
- lucia.mercier@acme-robotics.example
- paula.mercier@acme-robotics.example
- tariq.mercier@acme-robotics.example
- dmitri.moulin@acme-robotics.example
- hugo.moulin@acme-robotics.example
- lucia.moulin@acme-robotics.example
- paula.moulin@acme-robotics.example
- tariq.moulin@acme-robotics.example
- dmitri.perrin@acme-robotics.example
- hugo.perrin@acme-robotics.example
- lucia.perrin@acme-robotics.example
- paula.perrin@acme-robotics.example
- tariq.perrin@acme-robotics.example
- dmitri.renaud@acme-robotics.example
- hugo.renaud@acme-robotics.example
- lucia.renaud@acme-robotics.example
- paula.renaud@acme-robotics.example
- tariq.renaud@acme-robotics.example
- dmitri.vidal@acme-robotics.example
- hugo.vidal@acme-robotics.example
- lucia.vidal@acme-robotics.example
- paula.vidal@acme-robotics.example
- tariq.vidal@acme-robotics.example
- dmitri.schmidt@acme-robotics.example
- hugo.schmidt@acme-robotics.example
- lucia.schmidt@acme-robotics.example
- paula.schmidt@acme-robotics.example
- tariq.schmidt@acme-robotics.example
- dmitri.novak@acme-robotics.example
- hugo.novak@acme-robotics.example
- lucia.novak@acme-robotics.example
- paula.novak@acme-robotics.example
- tariq.novak@acme-robotics.example
- dmitri.ahmed@acme-robotics.example
- hugo.ahmed@acme-robotics.example
- lucia.ahmed@acme-robotics.example
- paula.ahmed@acme-robotics.example
- tariq.ahmed@acme-robotics.example
- dmitri.costa@acme-robotics.example
- hugo.costa@acme-robotics.example
- lucia.costa@acme-robotics.example
- paula.costa@acme-robotics.example
- tariq.costa@acme-robotics.example
- dmitri.ivanova@acme-robotics.example
- hugo.ivanova@acme-robotics.example
- lucia.ivanova@acme-robotics.example
- paula.ivanova@acme-robotics.example
- tariq.ivanova@acme-robotics.example
- dmitri.bernard2@acme-robotics.example
- hugo.bernard2@acme-robotics.example
- lucia.bernard2@acme-robotics.example
- paula.bernard2@acme-robotics.example
- tariq.bernard2@acme-robotics.example
- dmitri.dubois2@acme-robotics.example
- hugo.dubois2@acme-robotics.example
- lucia.dubois2@acme-robotics.example
- paula.dubois2@acme-robotics.example
- tariq.dubois2@acme-robotics.example
- dmitri.fontaine2@acme-robotics.example
- hugo.fontaine2@acme-robotics.example
- lucia.fontaine2@acme-robotics.example
- paula.fontaine2@acme-robotics.example
- tariq.fontaine2@acme-robotics.example
- dmitri.garnier2@acme-robotics.example
- hugo.garnier2@acme-robotics.example
- lucia.garnier2@acme-robotics.example
- paula.garnier2@acme-robotics.example
- tariq.garnier2@acme-robotics.example
- dmitri.lambert2@acme-robotics.example
- hugo.lambert2@acme-robotics.example
- lucia.lambert2@acme-robotics.example
- paula.lambert2@acme-robotics.example
- tariq.lambert2@acme-robotics.example
- dmitri.mercier2@acme-robotics.example
- hugo.mercier2@acme-robotics.example
- lucia.mercier2@acme-robotics.example
- paula.mercier2@acme-robotics.example
- tariq.mercier2@acme-robotics.example
- dmitri.moulin2@acme-robotics.example
- hugo.moulin2@acme-robotics.example
- lucia.moulin2@acme-robotics.example
- paula.moulin2@acme-robotics.example
- tariq.moulin2@acme-robotics.example
- dmitri.perrin2@acme-robotics.example
- hugo.perrin2@acme-robotics.example
- lucia.perrin2@acme-robotics.example
- paula.perrin2@acme-robotics.example
- tariq.perrin2@acme-robotics.example
- dmitri.renaud2@acme-robotics.example
- hugo.renaud2@acme-robotics.example
- lucia.renaud2@acme-robotics.example
- paula.renaud2@acme-robotics.example
- tariq.renaud2@acme-robotics.example
- dmitri.vidal2@acme-robotics.example
- hugo.vidal2@acme-robotics.example
- lucia.vidal2@acme-robotics.example
- paula.vidal2@acme-robotics.example
- tariq.vidal2@acme-robotics.example
- dmitri.schmidt2@acme-robotics.example
- hugo.schmidt2@acme-robotics.example
- lucia.schmidt2@acme-robotics.example
- paula.schmidt2@acme-robotics.example
- tariq.schmidt2@acme-robotics.example
- dmitri.novak2@acme-robotics.example
- hugo.novak2@acme-robotics.example
- lucia.novak2@acme-robotics.example
- paula.novak2@acme-robotics.example
- tariq.novak2@acme-robotics.example
- dmitri.ahmed2@acme-robotics.example

… 864 more group.members.add memberships of dbx-Marketing not shown; the full plan is in the plan.json artifact

</details>

<details><summary>Waiting (260): not changes</summary>

| State | Person | Since | Note |
| --- | --- | --- | --- |
| pending invite | ada.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | bruno.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | chloe.ahmed16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | dmitri.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | esra.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | farid.ahmed16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | greta.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | hugo.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | ines.ahmed16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | jonas.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | kemal.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | lucia.ahmed16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | mateo.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | noor.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | oskar.ahmed16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | paula.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | quentin.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | rosa.ahmed16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | sven.ahmed16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | tariq.ahmed16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | ada.costa16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | bruno.costa16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | chloe.costa16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | dmitri.costa16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | esra.costa16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | farid.costa16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | greta.costa16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | hugo.costa16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | ines.costa16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | jonas.costa16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | kemal.costa16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | lucia.costa16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | mateo.costa16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | noor.costa16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | oskar.costa16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | paula.costa16@acme-robotics.example | 60 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | quentin.costa16@acme-robotics.example | 58 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |
| pending invite | rosa.costa16@acme-robotics.example | 59 days, since 2026-10-01 | invited to the Dropbox team, has not joined yet |

… 222 more waiting states not shown; the full plan is in the plan.json artifact

</details>

<details><summary>Reports (150): left alone</summary>

| Kind | Person | Note |
| --- | --- | --- |
| unmanaged member | ada.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | bruno.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | chloe.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | dmitri.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | esra.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | farid.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | greta.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | hugo.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | ines.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | jonas.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | kemal.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | lucia.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | mateo.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | noor.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | oskar.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | paula.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | quentin.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | rosa.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | sven.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | tariq.bernard@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | ada.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | bruno.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | chloe.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | dmitri.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | esra.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | farid.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | greta.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | hugo.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | ines.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | jonas.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | kemal.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | lucia.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | mateo.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |
| unmanaged member | noor.dubois@contractors.acme-robotics.example | no Okta user matches this Dropbox member; left alone (unmanagedMembers: report) |

… 116 more reports not shown; the full plan is in the plan.json artifact

</details>

<sub>Fingerprint \`sha256:ee8329daa9186e50f01c0cd8960a973e79b13228cd68dadbcfe9060081d3272f\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

exports[`test/render/markdown.test.ts > TAP > snapshots of the catalogue > refused 1`] = `
**Plan: 0 to add, 1 to change, 7 to suspend, 24 to remove.** **refused by the safety rules** · 24 irreversible changes · 1 admin role change

> [!CAUTION]
> **Refused: this plan breaks 4 safety rules; apply will change nothing.**
>
> - **max\\_removals**: this plan removes or suspends 31 members; safety.maxRemovals (settings.yaml:15:16) allows 25 (limit 25, this plan 31)
> - **max\\_removal\\_percent**: this plan removes or suspends 12.4% of the 250 active members; safety.maxRemovalPercent (settings.yaml:16:22) allows 10% (limit 10, this plan 12.4)
> - **min\\_team\\_admins**: after this plan 1 active team admin would remain (breakglass@acme-robotics.example); safety.minTeamAdmins (settings.yaml:17:18) requires 2 (limit 2, this plan 1)
> - **invalid\\_value**: offboarding.yaml:8:25: fallbackTransferTo it-archive@acme-robotics.example is suspended in Dropbox, not an active member

### Irreversible changes (24)

| Who | Change | Reason |
| --- | --- | --- |
| ada.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| bruno.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| chloe.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| esra.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| farid.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| greta.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| ines.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| jonas.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| kemal.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| mateo.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| noor.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| oskar.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| quentin.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| rosa.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| sven.bernard@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| ada.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| bruno.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| chloe.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| esra.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| farid.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| greta.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| ines.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| jonas.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |
| kemal.dubois@acme-robotics.example | \`-\` remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices | Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example |

### Admin roles (1)

| Person | Change | Reason |
| --- | --- | --- |
| it-admin@acme-robotics.example | \`~\` role team\\_admin → member\\_only (demotion) | no longer in Okta group Dropbox Admins (roles.yaml:2:17); no other rule matches, so member\\_only |

<details><summary>! Suspensions (7) <code>member.suspend</code></summary>

| Person | Change | Reason |
| --- | --- | --- |
| dmitri.bernard@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |
| hugo.bernard@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |
| lucia.bernard@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |
| paula.bernard@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |
| tariq.bernard@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |
| dmitri.dubois@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |
| hugo.dubois@acme-robotics.example | suspend, data kept | Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only) |

</details>

<sub>Fingerprint \`sha256:a3e41c21b68de9aef5f326e9ba1c3e09c7bc5eceef4f42abb9d2ec8c1da9bf84\` · head 4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e · [workflow run](https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233) · dbxsync 0.1.0</sub>

`

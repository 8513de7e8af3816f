/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > adds only, colour 1`] = `
␛[2mSymbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone␛[22m

␛[1mPeople␛[22m
  ␛[32m+ lucas.moreau@acme-robotics.example␛[39m: add: Lucas Moreau, role member_only, no welcome email
      ␛[2massigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox␛[22m
  ␛[32m+ nina.patel@acme-robotics.example␛[39m: add: Nina Patel, role member_only, no welcome email
      ␛[2massigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox␛[22m
  ␛[32m+ omar.haddad@acme-robotics.example␛[39m: add: Omar Haddad, role member_only, no welcome email
      ␛[2massigned to the Dropbox app via Okta group Contractors; ACTIVE in Okta, not in Dropbox␛[22m

␛[1mGroups␛[22m
    group "Engineering": add 2 members
      ␛[2mmembers of Okta group Engineering (groupPushes in groups.yaml:2:5) not in the Dropbox group␛[22m
      ␛[32m+ nina.patel@acme-robotics.example␛[39m
      ␛[32m+ lucas.moreau@acme-robotics.example␛[39m

Fingerprint: sha256:1701946084e67c87395ec11a17b741ad2122d279a10478fda89804f3eff9b936 (dbxsync 0.1.0)
␛[1mPlan: 5 to add, 0 to change, 0 to suspend, 0 to remove.␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > adds only, no colour 1`] = `
Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

People
  + lucas.moreau@acme-robotics.example: add: Lucas Moreau, role member_only, no welcome email
      assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox
  + nina.patel@acme-robotics.example: add: Nina Patel, role member_only, no welcome email
      assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta, not in Dropbox
  + omar.haddad@acme-robotics.example: add: Omar Haddad, role member_only, no welcome email
      assigned to the Dropbox app via Okta group Contractors; ACTIVE in Okta, not in Dropbox

Groups
    group "Engineering": add 2 members
      members of Okta group Engineering (groupPushes in groups.yaml:2:5) not in the Dropbox group
      + nina.patel@acme-robotics.example
      + lucas.moreau@acme-robotics.example

Fingerprint: sha256:1701946084e67c87395ec11a17b741ad2122d279a10478fda89804f3eff9b936 (dbxsync 0.1.0)
Plan: 5 to add, 0 to change, 0 to suspend, 0 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > awkward names, colour 1`] = `
␛[2mSymbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone␛[22m

␛[1mPeople␛[22m
  ␛[33m~ max.mustermann@acme-robotics.example␛[39m: update profile: given name "*Max*" → "Max_[admin]"
      ␛[2mOkta profile changed: firstName␛[22m
  ␛[32m+ zoe_o-brien@acme-robotics.example␛[39m: add: Zoë <b> O'Brien | \`dev\`, role member_only, welcome email sent
      ␛[2massigned via Okta group \`R&D | Prototypes <EU>\`; not in Dropbox␛[22m

␛[1mGroups␛[22m
  ␛[33m~ group "<script>alert(1)</script>"␛[39m: rename "<script>alert(1)</script>" → "@acme/admins *all*"
      ␛[2mOkta group renamed to "@acme/admins *all*"␛[22m
    group "R&D | Prototypes <EU>": add 2 members
      ␛[2mmembers of Okta group R&D | Prototypes <EU>␛[22m
      ␛[32m+ zoe_o-brien@acme-robotics.example␛[39m
      ␛[32m+ max.mustermann@acme-robotics.example␛[39m

␛[1mWarnings␛[22m
  ␛[33mwarning␛[39m Okta group "Legal </details> Archive" has a name that looks like HTML; Dropbox group names | and <EU> are kept as they are [odd_name]

Fingerprint: sha256:dfc3420b70c492922d2a3db3d73df5c3fbfb7f8c87ef57f233b6fb2b0280172a (dbxsync 0.1.0)
␛[1mPlan: 3 to add, 2 to change, 0 to suspend, 0 to remove.␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > awkward names, no colour 1`] = `
Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

People
  ~ max.mustermann@acme-robotics.example: update profile: given name "*Max*" → "Max_[admin]"
      Okta profile changed: firstName
  + zoe_o-brien@acme-robotics.example: add: Zoë <b> O'Brien | \`dev\`, role member_only, welcome email sent
      assigned via Okta group \`R&D | Prototypes <EU>\`; not in Dropbox

Groups
  ~ group "<script>alert(1)</script>": rename "<script>alert(1)</script>" → "@acme/admins *all*"
      Okta group renamed to "@acme/admins *all*"
    group "R&D | Prototypes <EU>": add 2 members
      members of Okta group R&D | Prototypes <EU>
      + zoe_o-brien@acme-robotics.example
      + max.mustermann@acme-robotics.example

Warnings
  warning Okta group "Legal </details> Archive" has a name that looks like HTML; Dropbox group names | and <EU> are kept as they are [odd_name]

Fingerprint: sha256:dfc3420b70c492922d2a3db3d73df5c3fbfb7f8c87ef57f233b6fb2b0280172a (dbxsync 0.1.0)
Plan: 3 to add, 2 to change, 0 to suspend, 0 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > empty, colour 1`] = `
Fingerprint: sha256:bcb2cb5ea740f30f54defcc5936038b9fbc9349f61d300506a039f891ec6a9e6 (dbxsync 0.1.0)
␛[1m␛[32mNo changes. Dropbox matches the desired state.␛[39m␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > empty, no colour 1`] = `
Fingerprint: sha256:bcb2cb5ea740f30f54defcc5936038b9fbc9349f61d300506a039f891ec6a9e6 (dbxsync 0.1.0)
No changes. Dropbox matches the desired state.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > import, colour 1`] = `
␛[2mSymbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone␛[22m

␛[1mPeople␛[22m
  ␛[32m+ guest.photographer@acme-robotics.example␛[39m: Okta: create a STAGED user (email "guest.photographer@acme-robotics.example", firstName "Guest", lastName "Photographer", login "guest.photographer@acme-robotics.example")
      ␛[2mno Okta user matches this Dropbox member (import.createUsers: true in import.yaml:3:16)␛[22m
  ␛[33m~ lena.fischer@acme-robotics.example␛[39m: Okta: update profile: lastName "Fisher" → "Fischer"
      ␛[2mimport.profile (import.yaml:5:5) masters lastName in Dropbox␛[22m
  ␛[32m+ sofia.lindqvist@acme-robotics.example␛[39m: Okta: assign to the Dropbox app
      ␛[2mDropbox member sofia.lindqvist@acme-robotics.example matches Okta user 00uiyhmO5uIebWLB1gyA by email; not assigned to the app (import.linkMatchingUsers: true)␛[22m

␛[1mReports (left alone)␛[22m
  ␛[36munassigned member␛[39m  old.intern@acme-robotics.example: Okta user DEPROVISIONED: not linked (import links active users only)

Fingerprint: sha256:723715a69131372bd2f5dca55cacbf44bd7c948e46b8985c9f58ff10b2051c5e (dbxsync 0.1.0)
␛[1mPlan: 2 to add, 1 to change, 0 to suspend, 0 to remove.␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > import, no colour 1`] = `
Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

People
  + guest.photographer@acme-robotics.example: Okta: create a STAGED user (email "guest.photographer@acme-robotics.example", firstName "Guest", lastName "Photographer", login "guest.photographer@acme-robotics.example")
      no Okta user matches this Dropbox member (import.createUsers: true in import.yaml:3:16)
  ~ lena.fischer@acme-robotics.example: Okta: update profile: lastName "Fisher" → "Fischer"
      import.profile (import.yaml:5:5) masters lastName in Dropbox
  + sofia.lindqvist@acme-robotics.example: Okta: assign to the Dropbox app
      Dropbox member sofia.lindqvist@acme-robotics.example matches Okta user 00uiyhmO5uIebWLB1gyA by email; not assigned to the app (import.linkMatchingUsers: true)

Reports (left alone)
  unassigned member  old.intern@acme-robotics.example: Okta user DEPROVISIONED: not linked (import links active users only)

Fingerprint: sha256:723715a69131372bd2f5dca55cacbf44bd7c948e46b8985c9f58ff10b2051c5e (dbxsync 0.1.0)
Plan: 2 to add, 1 to change, 0 to suspend, 0 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > mixed, colour 1`] = `
␛[2mSymbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone␛[22m

␛[1mAdmin roles (privileged changes, listed first)␛[22m
  ␛[33m~ cto@acme-robotics.example␛[39m: role member_only → team_admin (promotion)
      ␛[2mroles.yaml:4:13 gives team_admin to users: [cto@acme-robotics.example]; Dropbox role is member_only␛[22m
  ␛[33m~ priya.raman@acme-robotics.example␛[39m: role member_only → support_admin (promotion)
      ␛[2mmember of Okta group IT Helpdesk (roles.yaml:9:17 gives support_admin); Dropbox role is member_only␛[22m
  ␛[33m~ tom.becker@acme-robotics.example␛[39m: role user_management_admin → member_only (demotion)
      ␛[2mno longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member_only␛[22m
  ␛[32m+ omar.haddad@acme-robotics.example␛[39m: add: Omar Haddad, role user_management_admin, no welcome email
      ␛[2massigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user_management_admin); not in Dropbox␛[22m

␛[1mPeople␛[22m
  ␛[33m~ aiko.tanaka@acme-robotics.example␛[39m: update profile: external id (none) → 00ucXhH9LJS1SIQBUNZ6
      ␛[2mDropbox member matched Okta user by email with an empty external id: adopted␛[22m
  ␛[33m~ elena.rossi@acme-robotics.example␛[39m: unsuspend: previous access restored
      ␛[2mOkta status ACTIVE again since 2026-11-27; suspended in Dropbox␛[22m
  ␛[32m+ felix.wagner@acme-robotics.example␛[39m: recover the removed account
      ␛[2mOkta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable␛[22m
  ␛[31m- hannah.scott@acme-robotics.example␛[39m: remove: no file transfer  ␛[33m[recoverable]␛[39m
      ␛[2minvited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn␛[22m
  ␛[33m~ jordan.lee@acme-robotics.example␛[39m: update profile: email jordan.lee@acme-robotics.example → jordan.lee-smith@acme-robotics.example, surname "Lee" → "Lee-Smith"
      ␛[2mOkta profile changed: email is now jordan.lee-smith@acme-robotics.example, lastName Lee-Smith (provisioning.profile)␛[22m
  ␛[31m- mark.chen@acme-robotics.example␛[39m: remove: files to laura.kim@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager laura.kim@acme-robotics.example (Okta managerId)␛[22m
  ␛[32m+ nina.patel@acme-robotics.example␛[39m: add: Nina Patel, role member_only, no welcome email
      ␛[2massigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox␛[22m
  ␛[31m! rachel.green@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m! sam.okafor@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false)␛[22m

␛[1mGroups␛[22m
    group "Engineering": add 2 members
      ␛[2mmembers of Okta group Engineering not in the Dropbox group␛[22m
      ␛[32m+ nina.patel@acme-robotics.example␛[39m
      ␛[32m+ priya.raman@acme-robotics.example␛[39m
    group "Engineering": remove 1 member
      ␛[2mno longer members of Okta group Engineering␛[22m
      ␛[31m- ben.ortiz@acme-robotics.example␛[39m
  ␛[33m~ group "Sales Team"␛[39m: adopt: mark as managed (external id okta:00gXf1hGSxcEq7SNnti6)
      ␛[2mOkta group Sales is pushed as "Sales Team" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted␛[22m
  ␛[33m~ group "dbx-Brand"␛[39m: rename "dbx-Brand" → "dbx-Marketing"
      ␛[2mOkta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id␛[22m
  ␛[31m- group "dbx-Events"␛[39m: delete  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mcreated by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1)␛[22m
  ␛[32m+ group "dbx-Legal"␛[39m: create: company managed, for Okta group 00gYgTENdPCJRe8oemgn
      ␛[2mOkta group dbx-Legal matches groupPushes pattern "^dbx-" (groups.yaml:4:5); no Dropbox group carries its external id␛[22m
    group "dbx-Legal": add 3 members
      ␛[2mmembers of Okta group dbx-Legal␛[22m
      ␛[32m+ omar.haddad@acme-robotics.example␛[39m
      ␛[32m+ rachel.green@acme-robotics.example␛[39m
      ␛[32m+ laura.kim@acme-robotics.example␛[39m

␛[1mWaiting (not changes)␛[22m
  ␛[36mpending invite     ␛[39m  lena.fischer@acme-robotics.example: invited to the Dropbox team, has not joined yet — 12 days, since 2026-11-16
  ␛[36mawaiting activation␛[39m  oliver.brandt@acme-robotics.example: Okta status STAGED: added once activated — 2 days, since 2026-11-25
  ␛[36mgrace period       ␛[39m  derek.olsen@acme-robotics.example: deactivated in Okta; suspended, to be removed after the grace period (graceDays 7) — 5 days, since 2026-11-23; removal due 2026-11-30

␛[1mReports (left alone)␛[22m
  ␛[36munmanaged member␛[39m  freelance.designer@acme-robotics.example: no Okta user matches this Dropbox member; left alone (unmanagedMembers: report)
  ␛[36mprotected member␛[39m  breakglass@acme-robotics.example: protected member (settings.yaml:12:22): no rule gives team_admin, the role is kept
  ␛[36mambiguous match ␛[39m  j.doe@acme-robotics.example: two Okta users match by email (00uA1 john.doe@acme-robotics.example, 00uB2 jane.doe@acme-robotics.example with secondEmail j.doe@acme-robotics.example); left alone

␛[1mWarnings␛[22m
  ␛[33mwarning␛[39m groups.yaml:6:5: Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration [group_push_assigns_app]
  ␛[33mwarning␛[39m settings.yaml:21:7: safety exception "Closing the Lyon office (TICKET-123)" expires on 2026-12-31 [exception_expires_soon]

Fingerprint: sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c (dbxsync 0.1.0)
␛[1mPlan: 9 to add, 8 to change, 2 to suspend, 4 to remove.␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > mixed, emails redacted 1`] = `
Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

Admin roles (privileged changes, listed first)
  ~ user-8c907143@redacted: role member_only → team_admin (promotion)
      roles.yaml:4:13 gives team_admin to users: [user-8c907143@redacted]; Dropbox role is member_only
  ~ user-09456301@redacted: role member_only → support_admin (promotion)
      member of Okta group IT Helpdesk (roles.yaml:9:17 gives support_admin); Dropbox role is member_only
  ~ user-9e78e209@redacted: role user_management_admin → member_only (demotion)
      no longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member_only
  + user-b09e2cc1@redacted: add: Omar Haddad, role user_management_admin, no welcome email
      assigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user_management_admin); not in Dropbox

People
  + user-03f5846c@redacted: add: Nina Patel, role member_only, no welcome email
      assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox
  ~ user-2f63943c@redacted: unsuspend: previous access restored
      Okta status ACTIVE again since 2026-11-27; suspended in Dropbox
  ~ user-4a76e852@redacted: update profile: external id (none) → 00ucXhH9LJS1SIQBUNZ6
      Dropbox member matched Okta user by email with an empty external id: adopted
  + user-68f1934b@redacted: recover the removed account
      Okta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable
  ~ user-7d681c81@redacted: update profile: email user-7d681c81@redacted → user-84a6df7f@redacted, surname "Lee" → "Lee-Smith"
      Okta profile changed: email is now user-84a6df7f@redacted, lastName Lee-Smith (provisioning.profile)
  - user-8647435a@redacted: remove: files to user-b26b6fbc@redacted (else user-2258e2eb@redacted; transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager user-b26b6fbc@redacted (Okta managerId)
  - user-9f288e50@redacted: remove: no file transfer  [recoverable]
      invited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn
  ! user-b2151273@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  ! user-ff8df003@redacted: suspend, data kept
      Okta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false)

Groups
    group "Engineering": add 2 members
      members of Okta group Engineering not in the Dropbox group
      + user-03f5846c@redacted
      + user-09456301@redacted
    group "Engineering": remove 1 member
      no longer members of Okta group Engineering
      - user-9bd3c6a5@redacted
  ~ group "Sales Team": adopt: mark as managed (external id okta:00gXf1hGSxcEq7SNnti6)
      Okta group Sales is pushed as "Sales Team" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted
  ~ group "dbx-Brand": rename "dbx-Brand" → "dbx-Marketing"
      Okta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id
  - group "dbx-Events": delete  [irreversible]
      created by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1)
  + group "dbx-Legal": create: company managed, for Okta group 00gYgTENdPCJRe8oemgn
      Okta group dbx-Legal matches groupPushes pattern "^dbx-" (groups.yaml:4:5); no Dropbox group carries its external id
    group "dbx-Legal": add 3 members
      members of Okta group dbx-Legal
      + user-b09e2cc1@redacted
      + user-b2151273@redacted
      + user-b26b6fbc@redacted

Waiting (not changes)
  pending invite       user-14d6e945@redacted: invited to the Dropbox team, has not joined yet — 12 days, since 2026-11-16
  awaiting activation  user-79633514@redacted: Okta status STAGED: added once activated — 2 days, since 2026-11-25
  grace period         user-127bf1c5@redacted: deactivated in Okta; suspended, to be removed after the grace period (graceDays 7) — 5 days, since 2026-11-23; removal due 2026-11-30

Reports (left alone)
  unmanaged member  user-de8a3aed@redacted: no Okta user matches this Dropbox member; left alone (unmanagedMembers: report)
  protected member  user-69f20e22@redacted: protected member (settings.yaml:12:22): no rule gives team_admin, the role is kept
  ambiguous match   user-792b7e73@redacted: two Okta users match by email (00uA1 user-cd2926d4@redacted, 00uB2 user-485c30d1@redacted with secondEmail user-792b7e73@redacted); left alone

Warnings
  warning groups.yaml:6:5: Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration [group_push_assigns_app]
  warning settings.yaml:21:7: safety exception "Closing the Lyon office (TICKET-123)" expires on 2026-12-31 [exception_expires_soon]

Fingerprint: sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c (dbxsync 0.1.0)
Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > mixed, no colour 1`] = `
Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

Admin roles (privileged changes, listed first)
  ~ cto@acme-robotics.example: role member_only → team_admin (promotion)
      roles.yaml:4:13 gives team_admin to users: [cto@acme-robotics.example]; Dropbox role is member_only
  ~ priya.raman@acme-robotics.example: role member_only → support_admin (promotion)
      member of Okta group IT Helpdesk (roles.yaml:9:17 gives support_admin); Dropbox role is member_only
  ~ tom.becker@acme-robotics.example: role user_management_admin → member_only (demotion)
      no longer in Okta group IT User Admins (roles.yaml:6:17); no other rule matches, so member_only
  + omar.haddad@acme-robotics.example: add: Omar Haddad, role user_management_admin, no welcome email
      assigned via Okta group Dropbox Users and in Okta group IT User Admins (roles.yaml:6:17 gives user_management_admin); not in Dropbox

People
  ~ aiko.tanaka@acme-robotics.example: update profile: external id (none) → 00ucXhH9LJS1SIQBUNZ6
      Dropbox member matched Okta user by email with an empty external id: adopted
  ~ elena.rossi@acme-robotics.example: unsuspend: previous access restored
      Okta status ACTIVE again since 2026-11-27; suspended in Dropbox
  + felix.wagner@acme-robotics.example: recover the removed account
      Okta user reactivated on 2026-11-27; the Dropbox account was removed on 2026-11-24 without a file transfer, still recoverable
  - hannah.scott@acme-robotics.example: remove: no file transfer  [recoverable]
      invited on 2026-10-02 and never joined; no longer assigned in Okta (unassigned: suspend); an invitation cannot be suspended, so it is withdrawn
  ~ jordan.lee@acme-robotics.example: update profile: email jordan.lee@acme-robotics.example → jordan.lee-smith@acme-robotics.example, surname "Lee" → "Lee-Smith"
      Okta profile changed: email is now jordan.lee-smith@acme-robotics.example, lastName Lee-Smith (provisioning.profile)
  - mark.chen@acme-robotics.example: remove: files to laura.kim@acme-robotics.example (else it-archive@acme-robotics.example; transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-26 (offboarding.yaml:5:3 onDeactivated: remove); files to the manager laura.kim@acme-robotics.example (Okta managerId)
  + nina.patel@acme-robotics.example: add: Nina Patel, role member_only, no welcome email
      assigned to the Dropbox app via Okta group Dropbox Users; ACTIVE in Okta since 2026-11-25, not in Dropbox
  ! rachel.green@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-26; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  ! sam.okafor@acme-robotics.example: suspend, data kept
      Okta status SUSPENDED since 2026-11-20 (offboarding.yaml:2:3 onSuspended: suspend, wipeData false)

Groups
    group "Engineering": add 2 members
      members of Okta group Engineering not in the Dropbox group
      + nina.patel@acme-robotics.example
      + priya.raman@acme-robotics.example
    group "Engineering": remove 1 member
      no longer members of Okta group Engineering
      - ben.ortiz@acme-robotics.example
  ~ group "Sales Team": adopt: mark as managed (external id okta:00gXf1hGSxcEq7SNnti6)
      Okta group Sales is pushed as "Sales Team" (groups.yaml:3:5); an existing Dropbox group of that name has no external id: adopted
  ~ group "dbx-Brand": rename "dbx-Brand" → "dbx-Marketing"
      Okta group renamed from dbx-Brand to dbx-Marketing; the Dropbox group keeps its external id
  - group "dbx-Events": delete  [irreversible]
      created by dbxsync for Okta group dbx-Events, which no push names any more (pruneGroups: true in groups.yaml:8:1)
  + group "dbx-Legal": create: company managed, for Okta group 00gYgTENdPCJRe8oemgn
      Okta group dbx-Legal matches groupPushes pattern "^dbx-" (groups.yaml:4:5); no Dropbox group carries its external id
    group "dbx-Legal": add 3 members
      members of Okta group dbx-Legal
      + omar.haddad@acme-robotics.example
      + rachel.green@acme-robotics.example
      + laura.kim@acme-robotics.example

Waiting (not changes)
  pending invite       lena.fischer@acme-robotics.example: invited to the Dropbox team, has not joined yet — 12 days, since 2026-11-16
  awaiting activation  oliver.brandt@acme-robotics.example: Okta status STAGED: added once activated — 2 days, since 2026-11-25
  grace period         derek.olsen@acme-robotics.example: deactivated in Okta; suspended, to be removed after the grace period (graceDays 7) — 5 days, since 2026-11-23; removal due 2026-11-30

Reports (left alone)
  unmanaged member  freelance.designer@acme-robotics.example: no Okta user matches this Dropbox member; left alone (unmanagedMembers: report)
  protected member  breakglass@acme-robotics.example: protected member (settings.yaml:12:22): no rule gives team_admin, the role is kept
  ambiguous match   j.doe@acme-robotics.example: two Okta users match by email (00uA1 john.doe@acme-robotics.example, 00uB2 jane.doe@acme-robotics.example with secondEmail j.doe@acme-robotics.example); left alone

Warnings
  warning groups.yaml:6:5: Okta group Contractors both assigns the Dropbox app and is pushed; Okta calls that combination unsupported for its own integration [group_push_assigns_app]
  warning settings.yaml:21:7: safety exception "Closing the Lyon office (TICKET-123)" expires on 2026-12-31 [exception_expires_soon]

Fingerprint: sha256:3a71b78969a8d26a9ef1bbb5fe8ba4b429b6df7f542d68cea99214f6fa3a172c (dbxsync 0.1.0)
Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > offboarding variants, colour 1`] = `
␛[2mSymbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone␛[22m

␛[1mAdmin roles (privileged changes, listed first)␛[22m
  ␛[33m~ breakglass@acme-robotics.example␛[39m: role support_admin → team_admin (promotion)
      ␛[2musers: rule in roles.yaml:3:13 gives team_admin; Dropbox role is support_admin (a protected member may be promoted, never demoted)␛[22m

␛[1mPeople␛[22m
  ␛[31m! derek.olsen@acme-robotics.example␛[39m: suspend and wipe linked devices; removed after 2026-12-05 (grace period)
      ␛[2mOkta status DEPROVISIONED since 2026-11-28 (offboarding.yaml:5:3 onDeactivated: remove, graceDays 7)␛[22m
  ␛[33m~ mia.chen@acme-robotics.example␛[39m: move the files left in the removed account: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example)  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mMia Chen <mia.chen@acme-robotics.example> was removed from Dropbox with the files still in the account (Dropbox can still recover it, which it cannot once the files were transferred); DEPROVISIONED in Okta since 2026-11-25 (offboarding.yaml:5 onDeactivated: remove); files to fallback (offboarding.yaml:5 fallbackTransferTo)␛[22m
  ␛[31m- paul.martin@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example)  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-26; transferTo: it-archive@acme-robotics.example (offboarding.yaml:7:17)␛[22m
  ␛[31m- yuki.sato@acme-robotics.example␛[39m: remove: no file transfer, kept as a Basic account, team shares kept  ␛[33m[recoverable]␛[39m
      ␛[2mOkta status DEPROVISIONED since 2026-11-20; grace period of 7 days over on 2026-11-27␛[22m

Fingerprint: sha256:1885c390d7fc0cbd953a78021a6b68c402766e324656ee9a30ea78b1f5d1d6f8 (dbxsync 0.1.0)
␛[1mPlan: 0 to add, 2 to change, 1 to suspend, 2 to remove.␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > offboarding variants, no colour 1`] = `
Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

Admin roles (privileged changes, listed first)
  ~ breakglass@acme-robotics.example: role support_admin → team_admin (promotion)
      users: rule in roles.yaml:3:13 gives team_admin; Dropbox role is support_admin (a protected member may be promoted, never demoted)

People
  ! derek.olsen@acme-robotics.example: suspend and wipe linked devices; removed after 2026-12-05 (grace period)
      Okta status DEPROVISIONED since 2026-11-28 (offboarding.yaml:5:3 onDeactivated: remove, graceDays 7)
  ~ mia.chen@acme-robotics.example: move the files left in the removed account: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example)  [irreversible]
      Mia Chen <mia.chen@acme-robotics.example> was removed from Dropbox with the files still in the account (Dropbox can still recover it, which it cannot once the files were transferred); DEPROVISIONED in Okta since 2026-11-25 (offboarding.yaml:5 onDeactivated: remove); files to fallback (offboarding.yaml:5 fallbackTransferTo)
  - paul.martin@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example)  [irreversible]
      Okta status DEPROVISIONED since 2026-11-26; transferTo: it-archive@acme-robotics.example (offboarding.yaml:7:17)
  - yuki.sato@acme-robotics.example: remove: no file transfer, kept as a Basic account, team shares kept  [recoverable]
      Okta status DEPROVISIONED since 2026-11-20; grace period of 7 days over on 2026-11-27

Fingerprint: sha256:1885c390d7fc0cbd953a78021a6b68c402766e324656ee9a30ea78b1f5d1d6f8 (dbxsync 0.1.0)
Plan: 0 to add, 2 to change, 1 to suspend, 2 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > refused, colour 1`] = `
␛[1m␛[31mRefused: this plan breaks 4 safety rules; apply will change nothing.␛[39m␛[22m
  ␛[31m✗␛[39m ␛[1mmax_removals␛[22m: this plan removes or suspends 31 members; safety.maxRemovals (settings.yaml:15:16) allows 25 (limit 25, this plan 31)
  ␛[31m✗␛[39m ␛[1mmax_removal_percent␛[22m: this plan removes or suspends 12.4% of the 250 active members; safety.maxRemovalPercent (settings.yaml:16:22) allows 10% (limit 10, this plan 12.4)
  ␛[31m✗␛[39m ␛[1mmin_team_admins␛[22m: after this plan 1 active team admin would remain (breakglass@acme-robotics.example); safety.minTeamAdmins (settings.yaml:17:18) requires 2 (limit 2, this plan 1)
  ␛[31m✗␛[39m ␛[1minvalid_value␛[22m: offboarding.yaml:8:25: fallbackTransferTo it-archive@acme-robotics.example is suspended in Dropbox, not an active member

␛[2mSymbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone␛[22m

␛[1mAdmin roles (privileged changes, listed first)␛[22m
  ␛[33m~ it-admin@acme-robotics.example␛[39m: role team_admin → member_only (demotion)
      ␛[2mno longer in Okta group Dropbox Admins (roles.yaml:2:17); no other rule matches, so member_only␛[22m

␛[1mPeople␛[22m
  ␛[31m- ada.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- ada.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- bruno.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- bruno.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- chloe.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- chloe.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m! dmitri.bernard@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m! dmitri.dubois@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m- esra.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- esra.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- farid.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- farid.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- greta.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- greta.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m! hugo.bernard@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m! hugo.dubois@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m- ines.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- ines.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- jonas.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- jonas.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- kemal.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- kemal.dubois@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m! lucia.bernard@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m- mateo.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- noor.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- oskar.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m! paula.bernard@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m
  ␛[31m- quentin.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- rosa.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m- sven.bernard@acme-robotics.example␛[39m: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  ␛[1m␛[31m[irreversible]␛[39m␛[22m
      ␛[2mOkta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example␛[22m
  ␛[31m! tariq.bernard@acme-robotics.example␛[39m: suspend, data kept
      ␛[2mOkta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)␛[22m

Fingerprint: sha256:a3e41c21b68de9aef5f326e9ba1c3e09c7bc5eceef4f42abb9d2ec8c1da9bf84 (dbxsync 0.1.0)
␛[1m␛[31mRefused by 4 safety rules (listed at the top): apply will change nothing.␛[39m␛[22m
␛[1mPlan: 0 to add, 1 to change, 7 to suspend, 24 to remove.␛[22m

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > refused, emails redacted 1`] = `
Refused: this plan breaks 4 safety rules; apply will change nothing.
  ✗ max_removals: this plan removes or suspends 31 members; safety.maxRemovals (settings.yaml:15:16) allows 25 (limit 25, this plan 31)
  ✗ max_removal_percent: this plan removes or suspends 12.4% of the 250 active members; safety.maxRemovalPercent (settings.yaml:16:22) allows 10% (limit 10, this plan 12.4)
  ✗ min_team_admins: after this plan 1 active team admin would remain (user-69f20e22@redacted); safety.minTeamAdmins (settings.yaml:17:18) requires 2 (limit 2, this plan 1)
  ✗ invalid_value: offboarding.yaml:8:25: fallbackTransferTo user-2258e2eb@redacted is suspended in Dropbox, not an active member

Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

Admin roles (privileged changes, listed first)
  ~ user-1979c86b@redacted: role team_admin → member_only (demotion)
      no longer in Okta group Dropbox Admins (roles.yaml:2:17); no other rule matches, so member_only

People
  - user-0113cebf@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-06ed1230@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-0773ad72@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-14e59dc3@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-172b2c1b@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-1a7141db@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-1fecfdd2@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - user-3ec2117a@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-3ed6cb58@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-431b79f0@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-47678878@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-4d0cf539@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - user-67be5b43@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-74743cca@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-7a213036@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - user-81430798@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-85cfba12@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-8b1f0ce4@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-8fb9aea5@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - user-a3708aaf@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-a4011e7d@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-b2ee3c3b@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-bbb5412c@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-c7b94542@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - user-cb469657@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-cf84a07c@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-ded38c9c@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - user-e37db90c@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-f602273a@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  - user-f8c7596d@redacted: remove: files to user-2258e2eb@redacted (transfer errors to user-1979c86b@redacted), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback user-2258e2eb@redacted
  ! user-fa1044f3@redacted: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)

Fingerprint: sha256:a3e41c21b68de9aef5f326e9ba1c3e09c7bc5eceef4f42abb9d2ec8c1da9bf84 (dbxsync 0.1.0)
Refused by 4 safety rules (listed at the top): apply will change nothing.
Plan: 0 to add, 1 to change, 7 to suspend, 24 to remove.

`

exports[`test/render/text.test.ts > TAP > snapshots of the catalogue > refused, no colour 1`] = `
Refused: this plan breaks 4 safety rules; apply will change nothing.
  ✗ max_removals: this plan removes or suspends 31 members; safety.maxRemovals (settings.yaml:15:16) allows 25 (limit 25, this plan 31)
  ✗ max_removal_percent: this plan removes or suspends 12.4% of the 250 active members; safety.maxRemovalPercent (settings.yaml:16:22) allows 10% (limit 10, this plan 12.4)
  ✗ min_team_admins: after this plan 1 active team admin would remain (breakglass@acme-robotics.example); safety.minTeamAdmins (settings.yaml:17:18) requires 2 (limit 2, this plan 1)
  ✗ invalid_value: offboarding.yaml:8:25: fallbackTransferTo it-archive@acme-robotics.example is suspended in Dropbox, not an active member

Symbols: + add  ~ change  ! suspend  - remove.  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone

Admin roles (privileged changes, listed first)
  ~ it-admin@acme-robotics.example: role team_admin → member_only (demotion)
      no longer in Okta group Dropbox Admins (roles.yaml:2:17); no other rule matches, so member_only

People
  - ada.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - ada.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - bruno.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - bruno.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - chloe.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - chloe.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  ! dmitri.bernard@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  ! dmitri.dubois@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - esra.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - esra.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - farid.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - farid.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - greta.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - greta.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  ! hugo.bernard@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  ! hugo.dubois@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - ines.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - ines.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - jonas.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - jonas.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - kemal.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - kemal.dubois@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  ! lucia.bernard@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - mateo.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - noor.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - oskar.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  ! paula.bernard@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)
  - quentin.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - rosa.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  - sven.bernard@acme-robotics.example: remove: files to it-archive@acme-robotics.example (transfer errors to it-admin@acme-robotics.example), wipe linked devices  [irreversible]
      Okta status DEPROVISIONED since 2026-11-27 (offboarding.yaml:5:3 onDeactivated: remove); no manager in Okta: files to the fallback it-archive@acme-robotics.example
  ! tariq.bernard@acme-robotics.example: suspend, data kept
      Okta status DEPROVISIONED since 2026-11-27; in Okta group Legal Hold (offboarding.yaml:14:7 override: suspend only)

Fingerprint: sha256:a3e41c21b68de9aef5f326e9ba1c3e09c7bc5eceef4f42abb9d2ec8c1da9bf84 (dbxsync 0.1.0)
Refused by 4 safety rules (listed at the top): apply will change nothing.
Plan: 0 to add, 1 to change, 7 to suspend, 24 to remove.

`

/**
 * Silent provisioning without SSO (issue 10 item 11). members/add_v2's send_welcome_email false
 * sends no invitation: "If send_welcome_email is false, no email invitation will be sent to the
 * user. This may be useful for apps using single sign-on (SSO) flows for onboarding"
 * (dropbox-api-spec team.stone:1633-1637). The team's SsoPolicy (team_policies.stone:142:
 * disabled | optional | required) is in no answer dbxsync reads, so the YAML declares it.
 */
import t from 'tap';
import { planDropboxChanges } from '../../src/plan/index.js';
import { team } from '../helpers/builders.js';

function planWith(provisioning: { sendWelcomeEmail?: boolean; ssoRequired?: boolean }, people = ['ada', 'bob']) {
  let builder = team().person('it.admin', { dropbox: { role: 'team_admin' } }).authenticatedAdmin('it.admin');
  for (const p of people) builder = builder.person(p, { dropbox: false });
  return planDropboxChanges(builder.settings({ provisioning }).build());
}

t.test('silent adds on a team not known to require SSO are warned about, with how to check', async (t) => {
  const plan = planWith({ sendWelcomeEmail: false });
  t.equal(plan.actions.filter((a) => a.kind === 'member.add').length, 2);
  const warning = plan.warnings.find((w) => w.code === 'silent_add_without_sso');
  t.ok(warning, 'warned');
  t.match(warning?.message, /^2 members are added without a welcome email/);
  t.match(warning?.message, /Settings > Single sign-on: Required/);
  t.match(warning?.message, /provisioning\.ssoRequired: true/);
});

t.test('no warning when the YAML says SSO is required, when welcome emails are sent, or when nobody is added', async (t) => {
  t.notOk(planWith({ sendWelcomeEmail: false, ssoRequired: true }).warnings.some((w) => w.code === 'silent_add_without_sso'));
  t.notOk(planWith({ sendWelcomeEmail: true }).warnings.some((w) => w.code === 'silent_add_without_sso'));
  t.notOk(planWith({ sendWelcomeEmail: false }, []).warnings.some((w) => w.code === 'silent_add_without_sso'));
});

import { roleAbilities, roleLabels, roles } from './roles';

/** What each role may do, in plain words; each role may also do everything of the roles before it. */
export function RolesTable() {
  return (
    <section className="tn-panel tn-team-section" aria-labelledby="team-roles" data-testid="roles-table">
      <h2 id="team-roles">What each role may do</h2>
      <p className="tn-help">Each role may do everything the roles above it may, and more.</p>
      <table className="tn-table tn-team-table">
        <tbody>
          {roles.map((r) => (
            <tr key={r} data-role={r}>
              <th scope="row">
                {roleLabels[r]}
                <div className="tn-muted">{roleAbilities[r].summary}</div>
              </th>
              <td>
                <ul className="tn-team-abilities">
                  {roleAbilities[r].can.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

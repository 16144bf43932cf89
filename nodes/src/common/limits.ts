/** Meta's Cloud API limits for messages (see cloud-api-facts §3). */
export const metaLimits = {
  textBody: 4096,
  caption: 1024,
  buttonsBody: 1024,
  listBody: 4096,
  header: 60,
  footer: 60,
  buttonsMax: 3,
  buttonTitle: 20,
  listButtonLabel: 20,
  listSectionsMax: 10,
  listRowsMax: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
} as const;

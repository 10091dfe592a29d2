/** The header names and values of a received mail, names in lower case. */
export type MailHeaders = ReadonlyMap<string, string>;

/** A received email, as the SMTP listener or the IMAP poller parsed it. */
export type InboundMail = {
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  /** Every address it was delivered to: the envelope's recipients, To and Cc. */
  recipients: string[];
  subject: string;
  text: string;
  /** Message-IDs it answers (In-Reply-To, then References), with their angle brackets. */
  inReplyTo: string[];
  headers: MailHeaders;
  /** The files it carried (attached or inline), in the order they appear. */
  files: InboundFile[];
};

/** One file a received email carried, as its sender named it. */
export type InboundFile = { fileName: string; bytes: Uint8Array };

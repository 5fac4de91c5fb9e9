package fr.regard.mail.content;

/**
 * One attachment of a received message. A refused attachment keeps its metadata (name, size, SHA-256) for the
 * case file but not its bytes.
 *
 * @param fileName     sanitised: no folder, no control or bidi characters, at most 200 characters
 * @param contentType  the declared MIME type, lower case, without parameters
 * @param detectedType the type recognised from the first bytes (magic numbers), {@code application/octet-stream}
 *                     when unknown
 * @param size         decoded size in bytes
 * @param sha256       lower-case hex SHA-256 of the decoded bytes
 * @param bytes        the decoded bytes; null when refused (the array is not copied: do not modify it)
 * @param accepted     false when refused
 * @param refusal      French reason of the refusal for the DPO and the sender, null when accepted
 */
public record MailAttachment(String fileName, String contentType, String detectedType, long size, String sha256,
                             byte[] bytes, boolean accepted, String refusal) {
}

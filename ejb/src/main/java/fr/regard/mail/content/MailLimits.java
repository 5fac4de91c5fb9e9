package fr.regard.mail.content;

/**
 * The bounds {@link MailParser} applies to one received message. The server builds it from MicroProfile Config
 * (docs/mail.md), every key optional with the default shown:
 * <ul>
 * <li>{@code regard.mail.limits.max-message-bytes} = 26214400 (25 MiB): larger messages are rejected, headers only read</li>
 * <li>{@code regard.mail.limits.max-attachment-bytes} = 10485760 (10 MiB): larger attachments are refused</li>
 * <li>{@code regard.mail.limits.max-attachments} = 10: attachments after the tenth are refused</li>
 * <li>{@code regard.mail.limits.max-text-chars} = 100000: the text body is cut there</li>
 * <li>{@code regard.mail.limits.max-archive-entries} = 1000: entries of an archive, nested ones included</li>
 * <li>{@code regard.mail.limits.max-archive-expansion-ratio} = 100: uncompressed bytes per archive byte</li>
 * <li>{@code regard.mail.limits.max-archive-total-uncompressed} = 104857600 (100 MiB)</li>
 * <li>{@code regard.mail.limits.max-nesting-depth} = 5: archives inside archives</li>
 * </ul>
 */
public record MailLimits(long maxMessageBytes, long maxAttachmentBytes, int maxAttachments, int maxTextChars,
                         int maxArchiveEntries, int maxArchiveExpansionRatio, long maxArchiveTotalUncompressed,
                         int maxNestingDepth) {

    /** Prefix of the configuration keys; the names are the components in kebab case. */
    public static final String CONFIG_PREFIX = "regard.mail.limits.";
    public static final String KEY_MAX_MESSAGE_BYTES = CONFIG_PREFIX + "max-message-bytes";
    public static final String KEY_MAX_ATTACHMENT_BYTES = CONFIG_PREFIX + "max-attachment-bytes";
    public static final String KEY_MAX_ATTACHMENTS = CONFIG_PREFIX + "max-attachments";
    public static final String KEY_MAX_TEXT_CHARS = CONFIG_PREFIX + "max-text-chars";
    public static final String KEY_MAX_ARCHIVE_ENTRIES = CONFIG_PREFIX + "max-archive-entries";
    public static final String KEY_MAX_ARCHIVE_EXPANSION_RATIO = CONFIG_PREFIX + "max-archive-expansion-ratio";
    public static final String KEY_MAX_ARCHIVE_TOTAL_UNCOMPRESSED = CONFIG_PREFIX + "max-archive-total-uncompressed";
    public static final String KEY_MAX_NESTING_DEPTH = CONFIG_PREFIX + "max-nesting-depth";

    private static final long MIB = 1024L * 1024L;

    public MailLimits {
        if (maxMessageBytes <= 0 || maxAttachmentBytes <= 0 || maxAttachments < 0 || maxTextChars <= 0
                || maxArchiveEntries <= 0 || maxArchiveExpansionRatio <= 0 || maxArchiveTotalUncompressed <= 0
                || maxNestingDepth < 0) {
            throw new IllegalArgumentException("Mail limits must be positive");
        }
    }

    public static MailLimits defaults() {
        return new MailLimits(25 * MIB, 10 * MIB, 10, 100_000, 1000, 100, 100 * MIB, 5);
    }
}

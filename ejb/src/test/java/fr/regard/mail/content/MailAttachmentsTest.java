package fr.regard.mail.content;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MailAttachmentsTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final byte[] MZ = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    private static final byte[] MACH_O = {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1};

    private static MailAttachment only(String name, String type, byte[] bytes) {
        ReceivedMail mail = Mails.parse(Mails.withAttachments("Voir pièce jointe", name, type, bytes));
        assertThat(mail.kind()).isEqualTo(MailKind.NEW_OR_REPLY);
        assertThat(mail.textBody()).isEqualTo("Voir pièce jointe");
        assertThat(mail.attachments()).hasSize(1);
        return mail.attachments().get(0);
    }

    private static void assertRefused(MailAttachment a, String reasonPart) {
        assertThat(a.accepted()).isFalse();
        assertThat(a.bytes()).isNull();
        assertThat(a.refusal()).contains(reasonPart);
        assertThat(a.sha256()).hasSize(64);
    }

    @Test
    void acceptsADocumentWithItsMetadata() throws Exception {
        MailAttachment a = only("Pièce d'identité.pdf", "application/pdf; name=x", PDF);
        assertThat(a.accepted()).isTrue();
        assertThat(a.refusal()).isNull();
        assertThat(a.fileName()).isEqualTo("Pièce d'identité.pdf");
        assertThat(a.contentType()).isEqualTo("application/pdf");
        assertThat(a.detectedType()).isEqualTo("application/pdf");
        assertThat(a.size()).isEqualTo(PDF.length);
        assertThat(a.bytes()).isEqualTo(PDF);
        assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
    }

    @Test
    void sanitisesFileNames() {
        assertThat(only("../../etc/passwd", "text/plain", "x".getBytes()).fileName()).isEqualTo("passwd");
        assertThat(only("C:\\\\Users\\\\a\\\\photo.jpg", "image/jpeg", JPEG).fileName()).isEqualTo("photo.jpg");
        assertThat(MimeWalker.sanitiseFileName("a\u0001b<c>?.txt", 1)).isEqualTo("ab_c__.txt");
        assertThat(MimeWalker.sanitiseFileName("CON.txt", 1)).isEqualTo("_CON.txt");
        assertThat(MimeWalker.sanitiseFileName("  ...  ", 3)).isEqualTo("piece-jointe-3");
        assertThat(MimeWalker.sanitiseFileName("=?UTF-8?Q?r=C3=A9c=C3=A9piss=C3=A9.pdf?=", 1)).isEqualTo("récépissé.pdf");
        String longName = MimeWalker.sanitiseFileName("n".repeat(500) + ".jpeg", 1);
        assertThat(longName).hasSize(200).endsWith(".jpeg");
    }

    @Test
    void refusesExecutablesByExtension() {
        for (String name : new String[] {"facture.pdf.exe", "a.BAT", "x.cmd", "y.scr", "z.js", "v.vbs", "p.ps1",
                "j.jar", "m.msi", "d.dll", "raccourci.lnk", "h.hta", "disque.iso", "s.com"}) {
            assertRefused(only(name, "application/octet-stream", "harmless text".getBytes()), "refusé par sécurité");
        }
    }

    @Test
    void refusesRightToLeftOverrideTrick() {
        MailAttachment a = only("photo\u202Egpj.exe", "image/jpeg", JPEG);
        assertThat(a.fileName()).isEqualTo("photogpj.exe");
        assertRefused(a, "(.exe)");
    }

    @Test
    void refusesExecutablesByMagicBytesWhateverTheirName() {
        assertRefused(only("facture.pdf", "application/pdf", MZ), "application/x-msdownload");
        assertRefused(only("photo.jpg", "image/jpeg", ELF), "application/x-elf");
        assertRefused(only("image.png", "image/png", MACH_O), "application/x-mach-binary");
        assertRefused(only("notes.txt", "text/plain", "#!/bin/sh\nrm -rf ~\n".getBytes()), "text/x-shellscript");
    }

    @Test
    void refusesTooLargeAttachmentsAndTooManyKeepingMetadata() {
        MailLimits limits = new MailLimits(25L << 20, 100, 2, 100_000, 1000, 100, 100L << 20, 5);
        byte[] big = new byte[150];
        java.util.Arrays.fill(big, (byte) 'a');
        ReceivedMail mail = MailParser.parse(Mails.withAttachments("x", "gros.txt", "text/plain", big,
                "a.pdf", "application/pdf", PDF, "b.pdf", "application/pdf", PDF).getBytes(StandardCharsets.UTF_8),
                limits, Mails.OWN, Mails.OWN_DOMAINS);
        assertThat(mail.attachments()).extracting(MailAttachment::accepted).containsExactly(false, true, false);
        assertThat(mail.attachments().get(0).refusal()).isEqualTo("Pièce jointe trop volumineuse (0 Mo, maximum 0 Mo) : elle n'a pas été conservée.");
        assertThat(mail.attachments().get(0).size()).isEqualTo(150);
        assertThat(mail.attachments().get(2).refusal()).startsWith("Nombre maximal de pièces jointes (2) dépassé");
        assertThat(mail.attachments().get(2).size()).isEqualTo(PDF.length);
        assertThat(mail.acceptedAttachments()).extracting(MailAttachment::fileName).containsExactly("a.pdf");
    }

    @Test
    void acceptsACleanZipAndNestedZips() {
        byte[] inner = Mails.zip("photo.jpg", JPEG, "lettre.pdf", PDF);
        MailAttachment a = only("dossier.zip", "application/zip", Mails.zip("dossier/lettre.pdf", PDF, "images.zip", inner));
        assertThat(a.accepted()).isTrue();
        assertThat(a.detectedType()).isEqualTo("application/zip");
    }

    @Test
    void refusesZipsHidingExecutables() {
        assertRefused(only("photos.zip", "application/zip", Mails.zip("photo.jpg", JPEG, "photo.jpg.exe", "x".getBytes())),
                "Archive contenant un programme (« photo.jpg.exe »)");
        assertRefused(only("photos.zip", "application/zip", Mails.zip("lisez-moi.txt", MZ)), "application/x-msdownload");
        assertRefused(only("docs.zip", "application/zip", Mails.zip("a.zip", Mails.zip("b.zip", Mails.zip("run.vbs", "x".getBytes())))),
                "run.vbs");
    }

    @Test
    void refusesZipBombsByRatioWithoutInflatingThem() throws IOException {
        // 200 MiB of zeros: about 200 KB compressed, ratio about 1000
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        long before = usedMemory();
        MailAttachment a = only("bombe.zip", "application/zip", out.toByteArray());
        assertRefused(a, "se décompresse plus de 100 fois");
        assertThat(usedMemory() - before).isLessThan(64L << 20);
    }

    @Test
    void refusesArchivesWithTooManyEntriesTooMuchContentOrTooDeep() {
        Object[] many = new Object[2 * 1001];
        for (int i = 0; i < 1001; i++) {
            many[2 * i] = "f" + i + ".txt";
            many[2 * i + 1] = new byte[] {'x'};
        }
        assertRefused(only("many.zip", "application/zip", Mails.zip(many)), "plus de 1000 fichiers");

        byte[] deep = Mails.zip("a.txt", "x".getBytes());
        for (int i = 0; i < 5; i++) {
            deep = Mails.zip("level" + i + ".zip", deep);
        }
        assertRefused(only("deep.zip", "application/zip", deep), "plus de 5 niveaux");

        MailLimits small = new MailLimits(25L << 20, 10L << 20, 10, 100_000, 1000, 100_000, 1000, 5);
        byte[] random = new byte[2000];
        new java.util.Random(1).nextBytes(random);
        ReceivedMail mail = MailParser.parse(Mails.withAttachments("x", "gros.zip", "application/zip",
                Mails.zip("r.bin", random)).getBytes(StandardCharsets.UTF_8), small, Mails.OWN, Mails.OWN_DOMAINS);
        assertRefused(mail.attachments().get(0), "dépasse 0 Mo");
    }

    @Test
    void refusesEncryptedAndUninspectableArchives() {
        byte[] zip = Mails.zip("secret.pdf", PDF);
        zip[6] |= 1; // general purpose flag bit 0 of the local header: encrypted
        assertRefused(only("secret.zip", "application/zip", zip), "Archive chiffrée");
        assertRefused(only("a.7z", "application/x-7z-compressed", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}),
                "Archive au format 7z");
        assertRefused(only("a.rar", "application/vnd.rar", new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0, 0}),
                "Archive au format RAR");
        assertRefused(only("cassé.zip", "application/zip", java.util.Arrays.copyOf(zip, 20)), "Archive");
    }

    @Test
    void inspectsGzipAndTar() throws IOException {
        assertThat(only("notes.txt.gz", "application/gzip", gzip("notes".getBytes())).accepted()).isTrue();
        assertRefused(only("outil.tar.gz", "application/gzip", gzip(tar("bin/outil", ELF))), "application/x-elf");
        assertRefused(only("scripts.tar", "application/x-tar", tar("install.sh", "echo".getBytes())), "install.sh");
        assertThat(only("photos.tar", "application/x-tar", tar("photo.jpg", JPEG)).accepted()).isTrue();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A one-file ustar archive. */
    private static byte[] tar(String name, byte[] data) {
        byte[] header = new byte[512];
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, header, 0, name.length());
        byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 5);
        int padded = (data.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, out, 0, 512);
        System.arraycopy(data, 0, out, 512, data.length);
        return out;
    }

    private static long usedMemory() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}

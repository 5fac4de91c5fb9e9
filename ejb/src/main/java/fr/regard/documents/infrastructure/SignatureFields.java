package fr.regard.documents.infrastructure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Invisible signature fields that keep a document PDF/A and PDF/UA: a zero-size widget with an empty appearance
 * (PDF/A forbids the hidden flags) with the print and locked flags, on the first page (which gets {@code /Tabs /S}),
 * described by the field's {@code /TU}, and tagged as a {@code Form} structure element referring to it (PDF/UA-1
 * 7.18.4) when the document is tagged.
 */
final class SignatureFields {

    private SignatureFields() {
    }

    /** Adds an empty signature field named {@code name}, described for assistive technology by {@code description}. */
    static PDSignatureField addInvisible(PDDocument document, String name, String description) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDAcroForm form = catalog.getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(document);
            catalog.setAcroForm(form);
        }
        if (form.getField(name) != null) {
            throw new IllegalArgumentException("Le document comporte déjà un champ de signature « " + name + " ».");
        }
        form.setSignaturesExist(true);
        form.setAppendOnly(true);
        form.getCOSObject().removeItem(COSName.NEED_APPEARANCES);

        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(name);
        field.setAlternateFieldName(description);
        PDPage page = document.getPage(0);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(0, 0, 0, 0));
        widget.setPrinted(true);
        widget.setLocked(true);
        PDAppearanceStream empty = new PDAppearanceStream(document);
        empty.setBBox(new PDRectangle(0, 0, 0, 0));
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(empty);
        widget.setAppearance(appearance);
        widget.setPage(page);
        List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
        annotations.add(widget);
        page.setAnnotations(annotations);
        page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");

        List<PDField> fields = new ArrayList<>(form.getFields());
        fields.add(field);
        form.setFields(fields);

        tag(catalog.getStructureTreeRoot(), page, widget, description);
        return field;
    }

    private static void tag(PDStructureTreeRoot root, PDPage page, PDAnnotationWidget widget, String description) {
        if (root == null) {
            return;
        }
        PDStructureNode parent = root;
        for (Object kid : root.getKids()) {
            if (kid instanceof PDStructureElement element) {
                parent = element; // the Document element
                break;
            }
        }
        PDStructureElement formElement = new PDStructureElement(StandardStructureTypes.FORM, parent);
        formElement.setPage(page);
        formElement.setAlternateDescription(description);
        PDObjectReference reference = new PDObjectReference();
        reference.setReferencedObject(widget);
        reference.setPage(page);
        formElement.appendKid(reference);
        parent.appendKid(formElement);

        int key = root.getParentTreeNextKey();
        if (key < 0) {
            key = 0;
        }
        COSDictionary tree = root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE);
        if (tree == null) {
            tree = new COSDictionary();
            tree.setItem(COSName.NUMS, new COSArray());
            root.getCOSObject().setItem(COSName.PARENT_TREE, tree);
        }
        key = Math.max(key, largestKey(tree) + 1);
        COSArray nums = tree.getCOSArray(COSName.NUMS);
        if (nums != null) {
            nums.add(COSInteger.get(key));
            nums.add(formElement.getCOSObject());
            widenLimits(tree, key);
        } else {
            COSArray kids = tree.getCOSArray(COSName.KIDS);
            COSDictionary leaf = new COSDictionary();
            COSArray leafNums = new COSArray();
            leafNums.add(COSInteger.get(key));
            leafNums.add(formElement.getCOSObject());
            leaf.setItem(COSName.NUMS, leafNums);
            COSArray limits = new COSArray();
            limits.add(COSInteger.get(key));
            limits.add(COSInteger.get(key));
            leaf.setItem(COSName.LIMITS, limits);
            kids.add(leaf);
        }
        widget.setStructParent(key);
        root.setParentTreeNextKey(key + 1);
    }

    private static int largestKey(COSDictionary node) {
        int largest = -1;
        COSArray nums = node.getCOSArray(COSName.NUMS);
        if (nums != null) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                if (nums.getObject(i) instanceof COSInteger number) {
                    largest = Math.max(largest, number.intValue());
                }
            }
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid) {
                    largest = Math.max(largest, largestKey(kid));
                }
            }
        }
        return largest;
    }

    private static void widenLimits(COSDictionary node, int key) {
        COSArray limits = node.getCOSArray(COSName.LIMITS);
        if (limits != null && limits.size() == 2 && limits.getObject(1) instanceof COSInteger upper && upper.intValue() < key) {
            limits.set(1, COSInteger.get(key));
        }
    }
}

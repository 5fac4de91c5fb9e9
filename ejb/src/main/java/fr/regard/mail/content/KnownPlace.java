package fr.regard.mail.content;

/** A camera of the registry, as the suggestions know it: its id (e.g. CAM-042) and its place label. */
public record KnownPlace(String cameraId, String label) {
}

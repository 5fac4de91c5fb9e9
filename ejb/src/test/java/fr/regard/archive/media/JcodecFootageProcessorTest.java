package fr.regard.archive.media;

/** The pure-Java engine passes the extraction contract. */
class JcodecFootageProcessorTest extends FootageProcessorContract {

    @Override
    protected FootageProcessor processor() {
        return new JcodecFootageProcessor();
    }
}

package io.mithrilj.aggregator.protocol.json;

/** A JSON message can not be read (malformed JSON, missing or ill-typed field, undecodable key). */
public class MessageFormatException extends RuntimeException {
    public MessageFormatException(String message) {
        super(message);
    }

    public MessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package appliance.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An append-only file of records, each framed and checksummed on its own, made durable by group
 * commit: a writer appends (to the file, not to a queue in the heap), and whoever must not answer before
 * the record is on disk waits on {@link #durable()}, which one flusher thread completes after an
 * {@code fsync} that covers every record appended before it. A record is
 * {@code [int length][int crc32][byte kind][int key][payload]}; a payload of 8 KiB or more is stored
 * deflated (the kind's top bit says so: histories repeat their state in every event). At open, records
 * are read back in order and a torn or corrupt tail (a crash in the middle of a write) is cut off.
 *
 * <p>One server at a time: the folder's {@code lock} file is locked while the journal is open.
 */
final class Journal implements AutoCloseable {

    static final int HEADER_BYTES = 13;
    /** Payloads from this size on are stored deflated. */
    static final int DEFLATE_FROM = 8192;
    private static final int DEFLATED = 0x80;

    /** One record as read back at open. */
    interface Visitor {
        void record(long offset, byte kind, int key, byte[] payload);
    }

    private final Path file;
    private final FileChannel channel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean sync;
    private final Object appendLock = new Object();
    private final Object flushLock = new Object();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Thread flusher;
    private long end;
    private volatile long written;
    private long flushed;
    private volatile boolean closed;

    private record Waiter(long upTo, CompletableFuture<Void> done) {
    }

    private Journal(Path folder, boolean sync) throws IOException {
        Files.createDirectories(folder);
        this.sync = sync;
        this.lockChannel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            lockChannel.close();
            String message = "The store " + folder + " is in use by another server (another bin/appliance serve?):"
                    + " stop that one, or give this one another --db";
            throw new UncheckedIOException(message, new IOException(message));
        }
        this.lock = held;
        this.file = folder.resolve("journal");
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.flusher = new Thread(this::flushLoop, "sfn-journal-flush");
        this.flusher.setDaemon(true);
    }

    /**
     * Opens (or creates) the journal in {@code folder}, reading every intact record back to
     * {@code visitor} in the order written.
     *
     * @param sync false for a journal nobody reads after this process (in memory): no fsync
     * @throws UncheckedIOException when the folder cannot be used, or another server holds it
     */
    static Journal open(Path folder, boolean sync, Visitor visitor) {
        Journal journal;
        try {
            journal = new Journal(folder, sync);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the store " + folder + ": " + e.getMessage(), e);
        }
        try {
            journal.recover(visitor);
        } catch (IOException e) {
            journal.close();
            throw new UncheckedIOException("Cannot read the store " + folder + ": " + e.getMessage(), e);
        }
        journal.flusher.start();
        return journal;
    }

    private void recover(Visitor visitor) throws IOException {
        long size = channel.size();
        long offset = 0;
        InputStream stream = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        DataInputStream in = new DataInputStream(stream);
        while (offset < size) {
            if (size - offset < HEADER_BYTES) {
                break;
            }
            int length;
            int crc;
            byte kind;
            int key;
            byte[] payload;
            try {
                length = in.readInt();
                crc = in.readInt();
                kind = in.readByte();
                key = in.readInt();
                if (length < 0 || length > size - offset - HEADER_BYTES) {
                    break;
                }
                payload = in.readNBytes(length);
            } catch (EOFException e) {
                break;
            }
            if (payload.length != length || checksum(kind, key, payload) != crc) {
                break;
            }
            visitor.record(offset, (byte) (kind & ~DEFLATED), key, (kind & DEFLATED) != 0 ? inflate(payload) : payload);
            offset += HEADER_BYTES + length;
        }
        if (offset < size) {
            System.err.println("sfn server: the store's journal ends with " + (size - offset)
                    + " bytes of a record cut short by a crash; they are dropped (nothing acknowledged was in them)");
            channel.truncate(offset);
            channel.force(true);
        }
        channel.position(offset);
        end = offset;
        written = offset;
        flushed = offset;
    }

    /** Appends a record; it is on disk once a later {@link #durable()} completes. @return its offset */
    long append(byte kind, int key, byte[] data) {
        boolean large = data.length >= DEFLATE_FROM;
        byte[] payload = large ? deflate(data) : data;
        byte storedKind = large ? (byte) (kind | DEFLATED) : kind;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.putInt(payload.length).putInt(checksum(storedKind, key, payload)).put(storedKind).putInt(key).flip();
        ByteBuffer body = ByteBuffer.wrap(payload);
        synchronized (appendLock) {
            if (closed) {
                throw new IllegalStateException("The store is closed");
            }
            long offset = end;
            try {
                ByteBuffer[] both = {header, body};
                while (body.hasRemaining() || header.hasRemaining()) {
                    channel.write(both);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The store could not write: " + e.getMessage(), e);
            }
            end = offset + HEADER_BYTES + payload.length;
            written = end;
            return offset;
        }
    }

    /** Completes once every record appended before this call is on disk. */
    CompletableFuture<Void> durable() {
        long upTo = written;
        synchronized (flushLock) {
            if (upTo <= flushed || !sync) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            waiters.add(new Waiter(upTo, done));
            flushLock.notifyAll();
            return done;
        }
    }

    /** The payload of the record at {@code offset}. */
    byte[] read(long offset) {
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            readFully(header, offset);
            int length = header.flip().getInt();
            byte kind = header.get(8);
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload, offset + HEADER_BYTES);
            return (kind & DEFLATED) != 0 ? inflate(payload.array()) : payload.array();
        } catch (IOException e) {
            throw new UncheckedIOException("The store could not read: " + e.getMessage(), e);
        }
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("The store's journal ends before the record at " + position);
            }
            at += n;
        }
    }

    /** The flusher: one fsync for every record appended while the previous one ran. */
    private void flushLoop() {
        while (true) {
            long target;
            synchronized (flushLock) {
                while (waiters.isEmpty() && !closed) {
                    try {
                        flushLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (waiters.isEmpty()) {
                    return;
                }
                target = written;
            }
            IOException failure = null;
            try {
                channel.force(false);
            } catch (IOException e) {
                failure = e;
            }
            List<Waiter> done = new ArrayList<>();
            synchronized (flushLock) {
                if (failure == null) {
                    flushed = Math.max(flushed, target);
                }
                for (var it = waiters.iterator(); it.hasNext(); ) {
                    Waiter waiter = it.next();
                    if (failure != null || waiter.upTo <= flushed) {
                        done.add(waiter);
                        it.remove();
                    }
                }
            }
            for (Waiter waiter : done) {
                if (failure == null) {
                    waiter.done.complete(null);
                } else {
                    waiter.done.completeExceptionally(new UncheckedIOException("The store could not sync: "
                            + failure.getMessage(), failure));
                }
            }
            if (closed && failure != null) {
                return;
            }
        }
    }

    /** The journal's size in bytes. */
    long size() {
        return written;
    }

    Path file() {
        return file;
    }

    /** {@code [int original length][deflated bytes]}. */
    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
            byte[] chunk = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            int length = ByteBuffer.wrap(stored, 0, 4).getInt();
            byte[] data = new byte[length];
            inflater.setInput(stored, 4, stored.length - 4);
            int done = 0;
            while (done < length) {
                int n = inflater.inflate(data, done, length - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                done += n;
            }
            if (done != length) {
                throw new IllegalStateException("A deflated record of the store is cut short");
            }
            return data;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A deflated record of the store is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int checksum(byte kind, int key, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(kind);
        crc.update(key >>> 24);
        crc.update(key >>> 16);
        crc.update(key >>> 8);
        crc.update(key);
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Syncs what was appended, then lets go of the file and the folder's lock. */
    @Override
    public void close() {
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (flushLock) {
            flushLock.notifyAll();
        }
        try {
            flusher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (sync && channel.isOpen()) {
                channel.force(false);
            }
            channel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            System.err.println("sfn server: could not close the store: " + e.getMessage());
        }
    }
}

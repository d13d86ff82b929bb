package appliance.runtime.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

final class RecordingLogSink implements LambdaLogSink {
    final List<LambdaInvocationLog> logs = new CopyOnWriteArrayList<>();

    @Override
    public void write(LambdaInvocationLog log) {
        logs.add(log);
    }
}

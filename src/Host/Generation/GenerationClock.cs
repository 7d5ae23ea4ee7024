namespace MonBureau.Host.Generation;

/// <summary>
/// The generate verb's clock: the generator moves it through the school year so each command is decided and dated
/// on its own day (a roll call on the lesson's day, homework due after it is set). Registered only in that verb's
/// process; the API always runs on the system clock.
/// </summary>
public sealed class GenerationClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _ticks, instant.UtcTicks);
}

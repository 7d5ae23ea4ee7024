using MonBureau.Application.Auditing;
using Wolverine;

namespace MonBureau.Application;

/// <summary>How the API and jobs send a command: its events get a causation id naming that command.</summary>
public static class Commands
{
    public static async Task<TResult> RunAsync<TResult>(this IMessageBus bus, object command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(command);
        using var cause = ActingContext.BeginCause($"{command.GetType().Name}/{Guid.CreateVersion7()}");
        return await bus.InvokeAsync<TResult>(command, cancellationToken);
    }

    public static async Task RunAsync(this IMessageBus bus, object command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(command);
        using var cause = ActingContext.BeginCause($"{command.GetType().Name}/{Guid.CreateVersion7()}");
        await bus.InvokeAsync(command, cancellationToken);
    }
}

namespace ElearningRollout.Application.Cluster;

/// <summary>This process among the instances: the name it holds work leases under (machine, process, a random part).</summary>
public sealed class WorkerIdentity
{
    public WorkerIdentity()
        : this(Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"))
    {
    }

    public WorkerIdentity(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;

    private static string Truncate(string name) => name.Length <= WorkLease.MaxHolderLength ? name : name[^WorkLease.MaxHolderLength..];
}

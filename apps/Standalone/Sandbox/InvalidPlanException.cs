namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// A data-tree plan that cannot be imported as written: a reference no earlier step saves, or an sObject
/// type the org does not have. The message names the step, file, record and field at fault.
/// </summary>
public sealed class InvalidPlanException : Exception
{
    public InvalidPlanException()
    {
    }

    public InvalidPlanException(string message)
        : base(message)
    {
    }

    public InvalidPlanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace GraphMtl.Configuration;

/// <summary>Options that check their own values after binding; each problem names the offending property.</summary>
public interface IValidatableOptions
{
    /// <summary>Problems as (property name, "expected X (got Y)" message); empty when valid.</summary>
    IEnumerable<(string Property, string Message)> Validate();
}

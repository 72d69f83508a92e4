using GraphMtl.Data;

namespace GraphMtl.Tests.Data;

public sealed class DataRootTests
{
    public sealed class TheLocateMethod
    {
        [Fact]
        public void Should_Prefer_The_Command_Line_Value()
        {
            var root = DataRoot.Locate("/cli", _ => "/env");

            Assert.Equal(("/cli", "--data-root"), (root.Path, root.Origin));
        }

        [Fact]
        public void Should_Use_The_Environment_Without_A_Command_Line_Value()
        {
            var root = DataRoot.Locate(null, name => name == "GMTL_DATA_ROOT" ? "/env" : null);

            Assert.Equal(("/env", "GMTL_DATA_ROOT"), (root.Path, root.Origin));
        }

        [Fact]
        public void Should_Default_To_The_Data_Folder()
        {
            var root = DataRoot.Locate(" ", _ => "");

            Assert.Equal((Path.GetFullPath("data"), "default"), (root.Path, root.Origin));
        }
    }

    public sealed class TheResolveMethod
    {
        [Fact]
        public void Should_Resolve_Relative_Paths_Under_The_Root()
        {
            Assert.Equal("/data/hgb-dblp/label.dat", new DataRoot("/data").Resolve("heco-dblp/../hgb-dblp/label.dat"));
        }

        [Fact]
        public void Should_Pass_Absolute_Paths_Through()
        {
            Assert.Equal("/elsewhere/x", new DataRoot("/data").Resolve("/elsewhere/x"));
        }
    }
}

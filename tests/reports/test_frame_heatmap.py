"""The one frame-share heatmap behind the event chart and the outlet profile."""

from reports.figures.base import frame_share_heatmap


def test_frame_heatmap_keeps_each_cells_link_and_grows_with_rows():
    figure = frame_share_heatmap(
        "Frames",
        frames=["Economic", "Security"],
        rows=["Wire", "State"],
        z=[[0.5, 0.5], [0.0, 1.0]],
        links=[["/w/e", "/w/s"], ["/s/e", "/s/s"]],
        base_height=100,
    )
    (trace,) = figure["data"]
    assert [list(r) for r in trace["customdata"]] == [["/w/e", "/w/s"], ["/s/e", "/s/s"]]
    assert list(trace["y"]) == ["Wire", "State"] and figure["layout"]["height"] == 168

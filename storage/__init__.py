"""The only place that talks to Azure Table storage. See README.md for the layout."""

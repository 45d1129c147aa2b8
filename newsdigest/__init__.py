"""newsdigest: translate and summarise news articles into English digests."""

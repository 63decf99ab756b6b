public enum NewsKBStorePlaceholder {}

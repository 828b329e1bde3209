fn main() {
    eprintln!("recto: the command line is being built");
    std::process::exit(2);
}

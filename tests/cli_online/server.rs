//! A real HTTP/1.1 server on 127.0.0.1 for the CLI's fetcher: serves a map of paths, logs every
//! request, and misbehaves on demand (404, hang, oversized, redirects). One thread per
//! connection; every thread stops by itself (when the server is dropped, or after a minute).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The longest any server thread lives.
const LIFETIME: Duration = Duration::from_secs(60);

/// How to answer a path.
#[derive(Clone)]
pub(crate) enum Reply {
    /// 200 with this body (and a true `Content-Length`).
    Body(Vec<u8>),
    /// This status, an empty body.
    Status(u16),
    /// 302 to this `Location`.
    Redirect(String),
    /// Read the request, never answer.
    Hang,
    /// 200 without `Content-Length`: this many bytes, then close.
    Stream(usize),
    /// 200 claiming `Content-Length: N`, then a short body.
    Declared(u64),
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub(crate) path: String,
    /// Header names lower-cased.
    pub(crate) headers: HashMap<String, String>,
}

pub(crate) struct Server {
    pub(crate) port: u16,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts serving `routes` (path → reply; anything else is 404).
    pub(crate) fn start(routes: HashMap<String, Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let routes = Arc::new(routes);
        let (log2, stop2) = (log.clone(), stop.clone());
        let accept = thread::spawn(move || {
            let started = Instant::now();
            while !stop2.load(Ordering::Relaxed) && started.elapsed() < LIFETIME {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (routes, log, stop) = (routes.clone(), log2.clone(), stop2.clone());
                        thread::spawn(move || serve(stream, &routes, &log, &stop));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Self { port, log, stop, accept: Some(accept) }
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request so far, in order.
    pub(crate) fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    /// The paths requested so far, in order.
    pub(crate) fn paths(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.path).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

fn serve(stream: TcpStream, routes: &HashMap<String, Reply>, log: &Mutex<Vec<Request>>, stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {
                if let Some((name, value)) = header.split_once(':') {
                    headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
                }
            }
        }
    }
    log.lock().unwrap().push(Request { path: path.clone(), headers });
    let mut stream = stream;
    let head = |status: &str, extra: &str| format!("HTTP/1.1 {status}\r\nConnection: close\r\n{extra}\r\n");
    let _ = match routes.get(&path).cloned().unwrap_or(Reply::Status(404)) {
        Reply::Body(body) => stream
            .write_all(
                head("200 OK", &format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()))
                    .as_bytes(),
            )
            .and_then(|()| stream.write_all(&body)),
        Reply::Status(code) => stream.write_all(head(&format!("{code} Whatever"), "Content-Length: 0\r\n").as_bytes()),
        Reply::Redirect(location) => {
            stream.write_all(head("302 Found", &format!("Location: {location}\r\nContent-Length: 0\r\n")).as_bytes())
        }
        Reply::Hang => {
            let started = Instant::now();
            while !stop.load(Ordering::Relaxed) && started.elapsed() < LIFETIME {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(())
        }
        Reply::Stream(size) => {
            stream.write_all(head("200 OK", "Content-Type: application/json\r\n").as_bytes()).and_then(|()| {
                let chunk = vec![b' '; 64 * 1024];
                let mut sent = 0;
                while sent < size {
                    let n = chunk.len().min(size - sent);
                    stream.write_all(&chunk[..n])?;
                    sent += n;
                }
                Ok(())
            })
        }
        Reply::Declared(length) => stream
            .write_all(
                head("200 OK", &format!("Content-Type: application/json\r\nContent-Length: {length}\r\n")).as_bytes(),
            )
            .and_then(|()| stream.write_all(b"{}")),
    };
    let _ = stream.flush();
}
